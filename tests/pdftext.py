"""A small PDF text reader for the tests (standard library only, no Qt): it reads what Qt's PDF
writer produces (objects, Flate streams, Type0 fonts with a ToUnicode map, one ``Tj`` per glyph).
Qt draws no spaces, so compare texts with :func:`squeeze`."""

from __future__ import annotations

import re
import zlib


def _objects(data: bytes) -> dict[int, bytes]:
    return {
        int(m.group(1)): m.group(2) for m in re.finditer(rb"(\d+) 0 obj\s*(.*?)endobj", data, re.S)
    }


def _stream(body: bytes) -> bytes:
    head, _sep, rest = body.partition(b"stream")
    rest = rest[2:] if rest.startswith(b"\r\n") else rest[1:]
    raw = rest[: rest.rfind(b"endstream")]
    return zlib.decompress(raw) if b"/FlateDecode" in head else raw


def _cmap(text: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}

    def uni(hexa: bytes) -> str:
        return bytes.fromhex(hexa.decode()).decode("utf-16-be")

    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(src, 16)] = uni(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[.*?\]|<[0-9A-Fa-f]+>)", block, re.S
        ):
            lo_i, hi_i = int(lo, 16), int(hi, 16)
            if dst.startswith(b"["):
                for i, item in enumerate(re.findall(rb"<([0-9A-Fa-f]+)>", dst)):
                    mapping[lo_i + i] = uni(item)
            else:
                start = int(dst[1:-1], 16)
                for i in range(hi_i - lo_i + 1):
                    mapping[lo_i + i] = chr(start + i)
    return mapping


def pdf_pages(data: bytes) -> list[dict]:
    objs = _objects(data)
    pages = []
    for body in objs.values():
        if not re.match(rb"<<\s*/Type /Page\b", body):
            continue
        res_ref = re.search(rb"/Resources (\d+) 0 R", body)
        resources = objs[int(res_ref.group(1))] if res_ref else body
        fonts = {}
        font_dict = re.search(rb"/Font\s*<<(.*?)>>", resources, re.S)
        for name, ref in re.findall(rb"/(\w+) (\d+) 0 R", font_dict.group(1) if font_dict else b""):
            font = objs[int(ref)]
            to_unicode = re.search(rb"/ToUnicode (\d+) 0 R", font)
            cmap = _cmap(_stream(objs[int(to_unicode.group(1))])) if to_unicode else {}
            base = re.search(rb"/BaseFont /([\w+-]+)", font)
            fonts[name.decode()] = (base.group(1).decode() if base else "", cmap)
        content = _stream(objs[int(re.search(rb"/Contents (\d+) 0 R", body).group(1))])
        pages.append({"fonts": fonts, "content": content})
    return pages


def pdf_text(data: bytes) -> list[str]:
    """The text runs (BT … ET blocks) of every page, spaces left out as Qt does not draw them."""
    runs: list[str] = []
    for page in pdf_pages(data):
        cmap: dict[int, str] = {}
        current: list[str] = []
        token = re.compile(rb"/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\[(.*?)\]\s*TJ|\bET\b")
        for m in token.finditer(page["content"]):
            if m.group(1):
                cmap = page["fonts"].get(m.group(1).decode(), ("", {}))[1]
            elif m.group(2) is not None or m.group(3) is not None:
                hexes = (
                    [m.group(2)]
                    if m.group(2) is not None
                    else re.findall(rb"<([0-9A-Fa-f]*)>", m.group(3))
                )
                for h in hexes:
                    for i in range(0, len(h), 4):
                        current.append(cmap.get(int(h[i : i + 4], 16), "\ufffd"))
            else:
                runs.append("".join(current))
                current = []
    return runs


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_squeezed(data: bytes) -> str:
    """All the text of a PDF, without any white space."""
    return squeeze("".join(pdf_text(data)))


#: A minus sign of any kind right before a digit, not after one (that is a range, 2014–2015):
#: a negative amount shown as money.
NEGATIVE_AMOUNT = re.compile(r"(?<!\d)[-\u2212\u2012\u2013]\d")
