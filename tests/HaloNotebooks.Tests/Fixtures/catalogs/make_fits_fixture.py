"""Writes bintable_features.fits and bintable_features.json, the independent oracle for the C#
FITS reader. Built byte by byte with Python's struct module (no FITS library, none of the
project's code), following FITS Standard 4.0 §4 and §7.3. Run: python3 make_fits_fixture.py"""
import json, math, struct

def card(key, value=None, comment=None, raw=None):
    if raw is not None:
        return raw.ljust(80)
    if isinstance(value, bool):
        v = ("T" if value else "F").rjust(20)
    elif isinstance(value, int):
        v = str(value).rjust(20)
    elif isinstance(value, float):
        v = repr(value).upper().rjust(20)
    else:
        v = "'" + value.replace("'", "''").ljust(8) + "'"
    s = key.ljust(8) + "= " + v
    if comment:
        s += " / " + comment
    assert len(s) <= 80, s
    return s.ljust(80)

def header(cards):
    text = "".join(cards) + "END".ljust(80)
    text += " " * (-len(text) % 2880)
    return text.encode("ascii")

def pad(data):
    return data + b"\0" * (-len(data) % 2880)

primary = header([card("SIMPLE", True), card("BITPIX", 8), card("NAXIS", 0), card("EXTEND", True),
                  card("LONGSTR", raw="LONGSTR = 'This header value is longer than one card can hold, so it is con&'"),
                  card("CONTINUE", raw="CONTINUE  'tinued on a CONTINUE card as the long-string convention says.'")])

# HDU 1 "STARS": every supported TFORM, a vector, scaling, unsigned ints, TNULL, logical null.
rows = [
    # id(K)  flag(L)  b(B)  i16u(I,TZERO=32768)  j(J,TNULL)  k(K)  e(E)  d(D)  name(8A)  vec(3E)  scaled(I, TSCAL=0.01,TZERO=10)  sb(B,TZERO=-128)  ju(J,TZERO=2^31)
    (39627835862863901, b"T", 0, 0, 7, -(2**62), 1.5, 1.0 / 3.0, "alpha", (1.0, 2.0, 3.0), -1234, 0, 0),
    (-1, b"F", 255, 65535, -2147483647, 2**63 - 1, -0.1, -2.5e-300, "b'q", (-1.25, 0.0, 1e10), 0, 255, 2**32 - 1),
    (42, b"\0", 17, 32768, -99, 0, float("inf"), float("nan"), "", (0.5, -0.5, 1e-20), 32767, 128, 2**31),
]
fmt = ">q c B h i q f d 8s 3f h B i"
st = struct.Struct(fmt.replace(" ", ""))
data = b""
for r in rows:
    (id_, flag, b, iu, j, k, e, d, name, vec, sc, sb, ju) = r
    # Stored values: U16 = value - TZERO (32768); SBYTE is the stored byte (value = byte - 128);
    # U32 = value - 2^31; J32 uses -99 as TNULL for the third row; NAME is blank-padded.
    data += st.pack(id_, flag, b, iu - 32768, j, k, e, d, name.encode("ascii").ljust(8, b" "), *vec, sc, sb, ju - 2**31)
naxis1 = st.size
cols = [("ID", "K"), ("FLAG", "L"), ("B8", "B"), ("U16", "I"), ("J32", "J"), ("K64", "K"), ("E32", "E"), ("D64", "D"),
        ("NAME", "8A"), ("VEC", "3E"), ("SCALED", "I"), ("SBYTE", "B"), ("U32", "J")]
cards = [card("XTENSION", "BINTABLE"), card("BITPIX", 8), card("NAXIS", 2), card("NAXIS1", naxis1),
         card("NAXIS2", len(rows)), card("PCOUNT", 0), card("GCOUNT", 1), card("TFIELDS", len(cols))]
for n, (name, form) in enumerate(cols, 1):
    cards += [card(f"TTYPE{n}", name), card(f"TFORM{n}", form)]
cards += [card("TZERO4", 32768), card("TNULL5", -99), card("TSCAL11", 0.01), card("TZERO11", 10.0),
          card("TZERO12", -128), card("TZERO13", 2147483648), card("EXTNAME", "STARS")]
hdu1 = header(cards) + pad(data)

# HDU 2 "EMPTY": zero rows, one column.
hdu2 = header([card("XTENSION", "BINTABLE"), card("BITPIX", 8), card("NAXIS", 2), card("NAXIS1", 8), card("NAXIS2", 0),
               card("PCOUNT", 0), card("GCOUNT", 1), card("TFIELDS", 1), card("TTYPE1", "X"), card("TFORM1", "D"),
               card("EXTNAME", "EMPTY")])
open("bintable_features.fits", "wb").write(primary + hdu1 + hdu2)

def num(x):
    return "nan" if isinstance(x, float) and math.isnan(x) else ("inf" if x == float("inf") else x)

f32 = lambda x: struct.unpack(">f", struct.pack(">f", x))[0]
expected = {
    "LONGSTR": "This header value is longer than one card can hold, so it is continued on a CONTINUE card as the long-string convention says.",
    "rows": len(rows),
    "ID": [r[0] for r in rows],
    "FLAG": [True, False, None],
    "B8": [0, 255, 17],
    "U16": [0, 65535, 32768],
    "J32": [7, -2147483647, None],
    "K64": [r[5] for r in rows],
    "E32": [num(f32(r[6])) for r in rows],
    "D64": [num(r[7]) for r in rows],
    "NAME": ["alpha", "b'q", None],
    "VEC_0": [f32(r[9][0]) for r in rows], "VEC_1": [f32(r[9][1]) for r in rows], "VEC_2": [f32(r[9][2]) for r in rows],
    "SCALED": [10.0 + 0.01 * r[10] for r in rows],
    "SBYTE": [-128, 127, 0],
    "U32": [0, 4294967295, 2147483648],
}
json.dump(expected, open("bintable_features.json", "w"), indent=1)
print("ok", len(primary + hdu1 + hdu2))
