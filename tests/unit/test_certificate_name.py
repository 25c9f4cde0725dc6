"""The name on a certificate and in the completion record holds no hidden characters (issue 14, item 4)."""
import pytest

from quiz.widgets.quiz.names import certificate_name


@pytest.mark.parametrize("typed, kept", [
    ("Ann \u202eevil\u202c Smith", "Ann evil Smith"),  # a right-to-left override would show "Ann live Smith"
    ("Ann \u2067Smith\u2069", "Ann Smith"),  # a bidi isolate
    ("\u200fAnn\u200e Smith", "Ann Smith"),  # direction marks
    ("A\x00nn\x07 Smith\x1b[31m", "Ann Smith[31m"),  # NUL, BEL, an escape sequence's ESC
    ("Ann\u00adSmith\ufeff", "AnnSmith"),  # a soft hyphen, a byte-order mark
    ("  Ann\t\nSmith\u2028 ", "Ann Smith"),  # tabs, line breaks and separators are spaces, once
    ("Zoe\u0308 O\u0301Brien", "Zo\u00eb \u00d3Brien"),  # combining marks composed as one character
    ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"),  # Persian needs ZWNJ
    ("\u0928\u094d\u200d", "\u0928\u094d\u200d"),  # Devanagari uses ZWJ
    ("\u202e\u202c\x00", ""),
])
def test_hidden_characters_are_removed_and_the_rest_kept_as_typed(typed, kept):
    assert certificate_name(typed) == kept
