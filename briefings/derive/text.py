"""Text hygiene applied before anything else looks at an article.

Article text is untrusted. Control characters (including ESC, which starts
terminal escape sequences) and bidirectional-override characters are replaced
by visible stand-ins, so that no later consumer (terminal, TUI, Markdown) can
be tricked by them, and so that a reader sees that they were there.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

# C0 controls except \t and \n, DEL, and C1 controls.
_CONTROL: Final = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
# Bidirectional embedding/override/isolate controls (Trojan Source) and BOMs.
_BIDI: Final = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_ZERO_WIDTH: Final = re.compile(r"[\u200b\ufeff\u00ad]")
_SPACES: Final = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def _control_picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # e.g. ESC -> U+241B SYMBOL FOR ESCAPE
    if code == 0x7F:
        return "\u2421"  # SYMBOL FOR DELETE
    return "\ufffd"


def _bidi_escape(match: re.Match[str]) -> str:
    return f"<U+{ord(match.group()):04X}>"


def sanitize(text: str) -> str:
    """Make untrusted text inert: visible stand-ins for control and bidi characters.

    Line structure is kept: ``\\r\\n`` and ``\\r`` become ``\\n``.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub(_control_picture, text)
    text = _BIDI.sub(_bidi_escape, text)
    return text


def squash_spaces(line: str) -> str:
    """Turn tabs and exotic spaces into plain spaces and trim the line.

    Runs of spaces are kept: titles must read exactly as printed.
    """
    return _SPACES.sub(" ", line).strip()


_PUNCTUATION: Final = str.maketrans(
    dict.fromkeys("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’–—…«»•·", " ")
)


def fold(text: str) -> str:
    """Lower-case words only: the key for repeated lines and pull quotes.

    ``str.translate`` of common punctuation: twice as fast as a Unicode regex.
    """
    return " ".join(text.lower().translate(_PUNCTUATION).split())
