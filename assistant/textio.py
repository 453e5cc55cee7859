"""Reading users' text files: a deterministic encoding decision, and clear refusals.

Offices hand over speeches saved by Word or Notepad on Chinese Windows, so a file may be
UTF-8 (with or without BOM), GB18030/GBK ("ANSI"), or UTF-16 ("Unicode"). The decision is
made by fixed rules, in this order, never by a statistical charset guesser:

1. a BOM (UTF-8, UTF-32 LE/BE, UTF-16 LE/BE) decides outright;
2. NUL bytes: UTF-16 without BOM if one byte order decodes to plausible text, else binary;
3. strict UTF-8;
4. strict GB18030 (a superset of GBK and GB2312);
5. Big5, only when the GB18030 reading is implausible; a reading that is still a jumble
   is refused.

Steps 3 and 4 can both succeed on short input. UTF-8 wins unless its result is less
plausible Chinese text than the GB18030 reading (see `_plausibility`): GBK bytes that happen
to form valid UTF-8 decode to Latin/Greek/Cyrillic letters or rare ideographs, while
GB18030 bytes of real text decode to the common characters of GB2312.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from assistant.errors import InputError
from assistant.text import is_hanzi

DEFAULT_MAX_BYTES = 2_000_000

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 LE's BOM starts with UTF-16 LE's, so it is checked first.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters other than these mean the bytes are not a text document.
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "Word（.docx）或其他压缩文件"),
    (b"\xd0\xcf\x11\xe0", "旧版 Word（.doc）/WPS 文件"),
    (b"%PDF", "PDF 文件"),
    (b"{\\rtf", "RTF 文件"),
)


def read_text_file(path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Return the text of `path`, decoded by the rules above, with line endings as "\\n".

    Raises InputError (naming the file and what to do) for missing, empty, oversized,
    binary or undecodable files.
    """
    path = Path(path)
    if path.is_symlink() and not path.exists():
        raise InputError(f"{path} 是一个失效或循环的符号链接，读不到文件；请改用真实文件的路径。")
    if not path.is_file():
        raise InputError(f"找不到文件：{path}。请检查路径是否正确。")
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"文件是空的：{path}。请确认保存了讲话稿正文后再添加。")
    if size > max_bytes:
        raise InputError(
            f"文件过大：{path}（{size:,} 字节，上限 {max_bytes:,} 字节）。"
            "一篇讲话稿通常不到 50 KB；请确认文件是纯文本讲话稿，或拆分后再添加。"
        )
    data = path.read_bytes()
    text, _encoding = decode_bytes(data, name=str(path))
    if not text.strip():
        raise InputError(f"文件只有空白，没有文字：{path}。请确认保存了讲话稿正文后再添加。")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def detect_encoding(data: bytes) -> str | None:
    """The codec name `decode_bytes` would use for `data`, or None when it would refuse it."""
    try:
        return decode_bytes(data)[1]
    except InputError:
        return None


def decode_bytes(data: bytes, name: str = "输入") -> tuple[str, str]:
    """Decode `data` by the module's rules; return (text, codec name)."""
    if not data:
        raise InputError(f"文件是空的：{name}。")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"无法读取 {name}：文件开头标明是 {codec.upper()}，但内容不是有效的 {codec.upper()}"
                    f"（第 {exc.start} 字节起）。请用记事本“另存为”UTF-8 后再添加。"
                ) from None
            _refuse_binary_text(text, name)
            return text, "utf-8-sig" if codec == "utf-8" else codec

    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise InputError(
                f"{name} 看起来是{kind}，不是纯文本。请在 Word/WPS 中“另存为”纯文本（.txt，UTF-8）后再添加。"
            )

    if b"\x00" in data:
        decoded = _decode_utf16_without_bom(data)
        if decoded is None:
            raise InputError(
                f"{name} 含有空字节，看起来是二进制文件而不是文本。"
                "请提供 .txt 或 .md 格式的讲话稿（UTF-8、GBK/GB18030 或 UTF-16 编码）。"
            )
        _refuse_binary_text(decoded[0], name)
        return decoded

    utf8 = _strict(data, "utf-8")
    gb = _strict(data, "gb18030")
    if utf8 is None and gb is None:
        raise InputError(
            f"无法识别 {name} 的编码：它既不是有效的 UTF-8，也不是有效的 GB18030/GBK。"
            "请用记事本或 WPS 打开后“另存为”UTF-8 编码的 .txt 再添加。"
        )
    if utf8 is not None and (gb is None or _plausibility(gb) <= _plausibility(utf8)):
        chosen, codec = utf8, "utf-8"
    else:
        chosen, codec = gb, "gb18030"
    assert chosen is not None
    _refuse_binary_text(chosen, name)
    if codec == "gb18030" and _plausibility(chosen) < 0.9:
        # Big5 (Traditional Chinese from Taiwan/Hong Kong) bytes are mostly valid GB18030
        # too, and read as a jumble of rare characters and Cyrillic: try Big5 when the
        # GB18030 reading is implausible, and refuse rather than store a jumble.
        big5 = _strict(data, "big5")
        if big5 is not None and _plausibility(big5, any_hanzi=True) >= 0.95:
            chosen, codec = big5, "big5"
        elif _plausibility(chosen, any_hanzi=True) < 0.9:
            raise InputError(
                f"无法可靠识别 {name} 的编码：按 GB18030/GBK 读出的是乱码，也不是 Big5。"
                "请用记事本或 WPS 打开后“另存为”UTF-8 编码的 .txt 再添加。"
            )
    _refuse_binary_text(chosen, name)
    return chosen, codec


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _decode_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    # Text in UTF-16 has NULs as the high byte of every ASCII character (newlines,
    # digits, punctuation), so a byte order that decodes cleanly, yields no U+0000 and reads
    # as plausible text is taken; binary data fails one of these.
    if len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        text = _strict(data, codec)
        if text is None or "\x00" in text:
            continue
        score = _plausibility(text)
        if best is None or score > best[0]:
            best = (score, text, codec)
    if best is None or best[0] < 0.9:
        return None
    return best[1], best[2]


def _plausibility(text: str, any_hanzi: bool = False) -> float:
    """Share of characters that are ordinary in a Chinese document.

    Ordinary: ASCII printable and whitespace, CJK and full-width punctuation, general
    punctuation, and the 汉字 of GB2312 (the 6,763 common characters). Mis-decoded bytes
    land elsewhere: Latin-1, Greek or Cyrillic letters (GBK "谢谢" is valid UTF-8 "лл"),
    private-use code points, rare ideographs or controls.
    """
    if not text:
        return 0.0
    ordinary = 0
    for ch in text:
        if ch.isascii():
            ordinary += ch.isprintable() or ch in "\t\n\r"
        elif "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or "\u2000" <= ch <= "\u206f":
            ordinary += 1
        elif is_hanzi(ch) and (any_hanzi or _in_gb2312(ch)):
            ordinary += 1
    return ordinary / len(text)


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _refuse_binary_text(text: str, name: str) -> None:
    controls = sum(
        1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS
    )
    # A stray control character can come from a copy-paste; more than a few means binary.
    if "\x00" in text or controls > max(2, len(text) // 200):
        raise InputError(
            f"{name} 含有大量控制字符，看起来是二进制文件而不是文本。"
            "请提供 .txt 或 .md 格式的讲话稿（UTF-8、GBK/GB18030 或 UTF-16 编码）。"
        )
