-- Issue 8, part B: restricted processing, erasure tombstones, and the indexes lookups at province scale need.

-- She withdrew her consent (/rutdongy): kept, but no notices, no surveys, until she agrees again.
alter table member add column restricted_at timestamp(6) with time zone;

-- A member who was erased: the hash of her normalised phone, so a roster import does not bring her back until an
-- admin restores her explicitly. No phone, no name: only the hash.
create table erased_phone (
    phone_hash  varchar(64) not null primary key,
    erased_at   timestamp(6) with time zone not null
);

create index ix_button_token_user on button_token (channel, user_id);
create index ix_role_assignment_unit_role on role_assignment (unit_id, role);
create index ix_activity_checkin_code on activity (checkin_code);
create index ix_member_unit_unit_from on member_unit (unit_id, valid_from);
create index ix_group_binding_unit on group_binding (unit_id);
