"""Decoding and format detection: what enters the pipeline and what is refused, with a reason."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.ingest import IngestError, decode, detect_format, ensure_supported

TEXT = "Zoë Müller joined Tsinghua University (清华大学) in 2021 — “quoted”.\r\nSecond line.\n"


@pytest.mark.parametrize(
    "data, expected, encoding",
    [
        (TEXT.encode("utf-8"), TEXT, "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT, "utf-8-sig"),
        (TEXT.encode("utf-16"), TEXT, "utf-16"),  # with BOM
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT, "utf-16"),
        (TEXT.encode("utf-32"), TEXT, "utf-32"),
        (TEXT.encode("utf-16-le"), TEXT, "utf-16"),  # no BOM, NUL pattern is clear
        ("Café au lait, naïve façade, Zoë. " * 5, None, None),  # Latin-1, filled in below
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf32", "utf16le-nobom", "latin1"],
)
def test_decodes_text_exactly(data, expected, encoding):
    if isinstance(data, str):  # legacy single-byte encoding detected by charset-normalizer
        expected = data
        data = data.encode("latin-1")
    dec = decode(data)
    assert dec.text == expected
    if encoding:
        assert dec.encoding == encoding
    assert "\r\n" in dec.text or "\r" not in expected  # CRLF is never normalised


@pytest.mark.parametrize(
    "data, code",
    [
        (b"", "empty"),
        (b"   \n\t\r\n  ", "empty"),
        (codecs.BOM_UTF8 + b"  \n", "empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary"),
        (b"PK\x03\x04\x14\x00\x00\x00", "binary"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary"),
        (b"GIF89a\x01\x00\x01\x00", "binary"),
        (b"hello\x00world\x00\x01\x02\x03\xff\xfe binary \x00\x00", "binary"),
        (bytes(range(1, 9)) * 10 + b"some text", "binary"),
        (b"x" * 101, "too_large"),
    ],
    ids=["empty", "whitespace", "bom-whitespace", "png", "pdf", "zip", "jpeg", "gif", "nul", "controls", "too-large"],
)
def test_refuses_with_code_and_sentence(data, code):
    with pytest.raises(IngestError) as exc:
        decode(data, max_bytes=100)
    assert exc.value.code == code
    assert exc.value.message.endswith(".") and len(exc.value.message.split()) >= 4


def test_invalid_utf8_falls_back_to_a_legacy_decoding():
    data = "Résumé of Jürgen Schmidhuber, ETH Zürich. ".encode("utf-8") * 3 + b"\xff\xfe broken \xc3"
    dec = decode(data)
    assert dec.encoding != "utf-8"
    assert "broken" in dec.text


@pytest.mark.parametrize(
    "name, text, fmt",
    [
        ("a.md", "# Hi", "markdown"),
        ("a.MARKDOWN", "hi", "markdown"),
        ("a.html", "hi", "html"),
        ("a.htm", "<p>hi", "html"),
        ("a.txt", "plain words", "text"),
        ("a.txt", "  <!DOCTYPE html><html><body>x</body></html>", "html"),
        ("a.txt", "<html lang='en'><body>x", "html"),
        ("a.txt", "<b>bold</b> is not a page", "text"),
        ("a.wiki", "'''Ada Vell''' is a chemist.", "wikitext"),
        ("a.MediaWiki", "plain words", "wikitext"),
    ],
)
def test_detect_format(name, text, fmt):
    assert detect_format(name, text) == fmt


@pytest.mark.parametrize("name, ok", [("x.md", True), ("x.txt", True), ("x.HTM", True), ("x.wiki", True), ("x.pdf", False), ("README", False)])
def test_ensure_supported(name, ok):
    if ok:
        ensure_supported(name)
    else:
        with pytest.raises(IngestError) as exc:
            ensure_supported(name)
        assert exc.value.code == "unsupported_type"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_never_raises_anything_but_ingest_error(data):
    try:
        dec = decode(data)
    except IngestError as exc:
        assert exc.code in ("binary", "empty", "decode_failed", "too_large")
    else:
        assert dec.text.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=500).filter(lambda s: s.strip() and "\x00" not in s))
def test_utf8_text_round_trips(text):
    try:
        dec = decode(text.encode("utf-8"))
    except IngestError as exc:
        assert exc.code == "binary"  # text made mostly of control characters
    else:
        assert dec.text == (text[1:] if text.startswith("\ufeff") else text)


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("北京大学计算机系的张三教授，研究方向为机器学习与自然语言处理。" * 3, "gb18030"),
        ("Résumé: Jürgen studierte an der Universität Zürich und München. " * 3, "cp1252"),
    ],
)
def test_legacy_encodings(text, encoding):
    assert decode(text.encode(encoding)).text == text
