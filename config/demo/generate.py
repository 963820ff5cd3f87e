#!/usr/bin/env python3
"""Generates the synthetic demo roster (units.csv, members.csv) with a fixed seed.

Run from this folder: python3 generate.py. The output is committed; rerunning gives the same files.
Every person is invented; phone numbers are sequential from 0900 000 001 so they are plainly not real.
"""
import csv
import random
import unicodedata

rng = random.Random(77)  # Kế hoạch 77/KH-BCH

PROVINCE = ("ND", "Hội LHPN tỉnh Nam Định", "Tỉnh")
DISTRICTS = [("ND-HH", "Hội LHPN huyện Hải Hậu", ["Hải Vân", "Hải Nam", "Hải Lộc", "Hải Anh", "Hải Minh",
              "Hải Đường", "Hải Hưng", "Hải Bắc", "Hải Phương", "Hải Trung", "Hải Long", "Hải Xuân"]),
             ("ND-GT", "Hội LHPN huyện Giao Thủy", ["Giao Thiện", "Giao Lạc", "Giao Xuân"])]
VILLAGES = ["Xóm 1", "Xóm 2", "Xóm 3", "Xóm 4", "Xóm 5", "Xóm 6", "Thôn Đông", "Thôn Tây", "Thôn Nam", "Thôn Bắc",
            "Xóm Trung", "Xóm Kiên Chính", "Thôn Phú Lễ", "Xóm Quyết Tiến", "Thôn Hải Thịnh", "Xóm Đồng Tâm"]
FAMILY = ["Nguyễn"] * 8 + ["Trần"] * 4 + ["Phạm"] * 3 + ["Vũ"] * 3 + ["Đỗ"] * 2 + ["Lê", "Hoàng", "Đặng", "Bùi",
          "Ngô", "Đinh", "Mai", "Trịnh", "Lương", "Phan", "Cao", "Đoàn", "Tạ", "Lại"]
MIDDLE = ["Thị"] * 12 + ["Thu", "Thanh", "Ngọc", "Minh", "Hồng", "Kim", "Phương", "Hải", "Bích", "Diệu"]
GIVEN = ["Hoa", "Lan", "Hương", "Mai", "Hạnh", "Huyền", "Thảo", "Trang", "Nga", "Hà", "Linh", "Nhung", "Yến",
         "Thủy", "Hằng", "Dung", "Loan", "Liên", "Oanh", "Phượng", "Xuân", "Thu", "Vân", "Tuyết", "Hiền", "Quyên",
         "Nhàn", "Lụa", "Gấm", "Duyên", "Ngân", "Thắm", "Huệ", "Cúc", "Đào", "Lý", "Nguyệt", "Hậu", "Thơm", "Ánh"]
LEVEL = {"province": "Tỉnh", "district": "Huyện", "commune": "Xã", "branch": "Chi hội", "group": "Tổ hội"}
TARGET_MEMBERS = 2000


def nfc(s):
    return unicodedata.normalize("NFC", s)


def initials(name):
    words = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    ascii_name = "".join(c for c in words if unicodedata.category(c) != "Mn")
    return "".join(w[0] for w in ascii_name.split()).upper()


units = [(PROVINCE[0], PROVINCE[1], PROVINCE[2], "")]
branches, communes = [], []
for dcode, dname, names in DISTRICTS:
    units.append((dcode, dname, LEVEL["district"], PROVINCE[0]))
    used = set()
    for cname in names:
        code = initials(cname)
        while code in used:
            code += "X"
        used.add(code)
        ccode = f"{dcode}-{code}"
        communes.append(ccode)
        units.append((ccode, f"Hội LHPN xã {cname}", LEVEL["commune"], dcode))
        for b, village in enumerate(rng.sample(VILLAGES, rng.randint(2, 6)), start=1):
            bcode = f"{ccode}-CH{b:02d}"
            units.append((bcode, f"Chi hội {village}", LEVEL["branch"], ccode))
            groups = []
            for g in range(1, rng.randint(1, 3) + 1):
                gcode = f"{bcode}-T{g}"
                units.append((gcode, f"Tổ {g}", LEVEL["group"], bcode))
                groups.append(gcode)
            branches.append((bcode, groups))

phone_seq = 0


def person(unit, role=""):
    global phone_seq
    year = rng.randint(1950, 2005)
    if role:
        year = rng.randint(1960, 1995)
    name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    phone = ""
    if role or rng.random() > 0.08:
        phone_seq += 1
        digits = f"0900{phone_seq:06d}"
        style = rng.random()
        if style < 0.6:
            phone = digits
        elif style < 0.8:
            phone = f"{digits[:4]} {digits[4:7]} {digits[7:]}"
        elif style < 0.9:
            phone = f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"
        else:
            phone = f"+84 {digits[1:4]} {digits[4:7]} {digits[7:]}"
    party = rng.random() < (0.45 if role else 0.17)
    tags = []
    if rng.random() < 0.12:
        tags.append("Công giáo")
    if rng.random() < 0.06:
        tags.append("Công nhân")
    if year >= 1990 and rng.random() < 0.6:
        tags.append("Phụ nữ trẻ")
    if rng.random() < 0.01:
        tags.append("Dân tộc thiểu số")
    if rng.random() < 0.02 and "Công giáo" not in tags:
        tags.append("Tôn giáo")
    status = "" if role else rng.choices(["", "Thôi sinh hoạt", "Đã mất"], [97, 2, 1])[0]
    joined_from = max(year + 18, 1980)
    joined = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(joined_from, 2025)}"
    return [name, phone, year, unit, "x" if party else "", "x" if rng.random() < (0.5 if role else 0.12) else "",
            ", ".join(tags), status, joined, role]


rows = []
for ccode in communes:
    rows.append(person(ccode, "Chủ tịch"))
    rows.append(person(ccode, "Phó Chủ tịch"))
per_branch = (TARGET_MEMBERS - len(rows)) // len(branches)
extra = (TARGET_MEMBERS - len(rows)) - per_branch * len(branches)
for i, (bcode, groups) in enumerate(branches):
    rows.append(person(bcode, "Chi hội trưởng"))
    count = per_branch - 1 + (1 if i < extra else 0)
    leaders = set(groups)
    for _ in range(count):
        group = rng.choice(groups)
        role = "Tổ trưởng" if group in leaders and len(groups) > 1 else ""
        leaders.discard(group)
        rows.append(person(group, role))

seen = set()
unique = []
for r in rows:
    key = (r[0], r[2], r[3])
    if not r[1] and key in seen:
        continue
    seen.add(key)
    unique.append(r)

with open("units.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["Mã đơn vị", "Tên đơn vị", "Cấp", "Mã đơn vị cha"])
    for u in units:
        w.writerow([nfc(str(x)) for x in u])

with open("members.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow([nfc(h) for h in ["STT", "Họ và tên", "Số điện thoại", "Năm sinh", "Mã chi hội", "Đảng viên",
                                 "Tiên phong", "Đối tượng", "Trạng thái", "Ngày vào Hội", "Chức vụ"]])
    for i, r in enumerate(unique, start=1):
        w.writerow([i] + [nfc(str(x)) for x in r])

print(f"{len(units)} units ({len(communes)} communes, {len(branches)} branches), {len(unique)} members")
