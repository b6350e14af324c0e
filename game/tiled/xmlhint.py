"""Where an XML mistake probably is, when the parser only says where it noticed it.

expat reports a missing ``</layer>`` at the tag that could not match, and a missing quote at a line
further down; a designer wants the line to fix. ``hint`` reads the text up to the reported place and
names the element left open, the attribute left unquoted, or the bare ``&``, with its line.
"""

from __future__ import annotations

import re

_TAG = re.compile(r"<(/?)([A-Za-z_][\w.-]*)([^<>]*?)(/?)>|<!--.*?-->|<\?.*?\?>", re.S)
_QUOTES = re.compile(r"""=\s*(["'])""")


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _open_elements(text: str) -> list[tuple[str, int]]:
    """The elements still open at the end of ``text``: (name, line), innermost last."""
    stack: list[tuple[str, int]] = []
    for m in _TAG.finditer(text):
        closing, name, _, empty = m.group(1), m.group(2), m.group(3), m.group(4)
        if not name or empty:
            continue
        if closing:
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == name:
                    del stack[i:]
                    break
        else:
            stack.append((name, _line_of(text, m.start())))
    return stack


def _unbalanced_quote(text: str, upto: int) -> int | None:
    """The line of the last tag before ``upto`` whose attribute quotes do not pair up."""
    found = None
    for m in re.finditer(r"<[A-Za-z_][^<>]*", text[:upto]):
        tag = m.group(0)
        if tag.count('"') % 2 or tag.count("'") % 2 or re.search(r"=\s*(?=[\s/>]|$)", tag):
            found = _line_of(text, m.start())
    return found


def hint(data: bytes, line: int, column: int, message: str) -> str:
    """`` (probably ...)`` naming the likely mistake and its line, or "" when nothing better is known."""
    try:
        text = data.decode("utf-8", "replace")
    except (ValueError, LookupError):
        return ""
    lines = text.split("\n")
    upto = sum(len(ln) + 1 for ln in lines[: max(line - 1, 0)]) + max(column, 0)
    if message.startswith(("mismatched tag", "no element found", "unclosed token")):
        quote = _unbalanced_quote(text, upto) if message.startswith("unclosed") else None
        if quote is not None:
            return f" (probably a missing quote in the tag at line {quote})"
        open_now = _open_elements(text[:upto])
        if open_now:
            name, at = open_now[-1]
            return f" (probably <{name}> opened at line {at} is not closed: add </{name}>)"
        return ""
    if message.startswith("not well-formed"):
        here = lines[line - 1][column:column + 1] if 0 < line <= len(lines) else ""
        if here == "&" or "&" in (lines[line - 1] if 0 < line <= len(lines) else ""):
            return " (probably a bare & in a value: write &amp;)"
        quote = _unbalanced_quote(text, upto)
        if quote is not None:
            return f" (probably a missing quote or value in the tag at line {quote})"
    return ""
