/**
 * Members, their dated memberships, the roster import, and onboarding: consent ({@link vn.hoibot.member.Consents}),
 * linking by phone and invites ({@link vn.hoibot.member.Linking}), join requests
 * ({@link vn.hoibot.member.JoinRequests}), erasure ({@link vn.hoibot.member.Erasure}); who is who on the chat channels
 * ({@link vn.hoibot.member.Accounts}, which builds the {@code Actor} with her own-unit grant) and the per-role command
 * menus ({@link vn.hoibot.member.MemberMenus}). Members' own commands live in {@code member.bot}.
 */
package vn.hoibot.member;
