"""LaTeX in titles and abstracts to readable Unicode, by pylatexenc's parser, configured for what abstracts hold."""

from __future__ import annotations

import re
from typing import Any

from pylatexenc import latex2text, latexwalker, macrospec
from pylatexenc.latex2text import MacroTextSpec, SpecialsTextSpec

# Marks where a citation or cross-reference was, so that the space before it goes too: "shown~\cite{x}." -> "shown."
CITATION = "\U000effff"
CITATION_GAP = re.compile(r"\s*" + CITATION)
CITING_MACROS = ("cite", "citep", "citet", "citealp", "citealt", "citeauthor", "citeyear", "nocite")
REFERRING_MACROS = ("ref", "eqref", "autoref", "cref", "Cref", "label")
# Font switches (`{\bf x}`) and sizes change how text looks, not what it says.
SWITCHES = (
    "bf", "it", "rm", "sc", "sl", "sf", "tt", "em", "bfseries", "itshape", "scshape", "ttfamily", "upshape",
    "normalfont", "tiny", "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE", "huge",
    "Huge", "left", "right", "big", "Big", "bigg", "Bigg", "limits", "nolimits", "displaystyle", "textstyle",
    "noindent", "newline", "xspace", "centering",
)  # fmt: skip
# pylatexenc writes these with mathematical alphanumerics (𝐱); a page and its search want the letters.
LETTER_STYLES = ("mathbf", "mathit", "mathsf", "mathbb", "mathtt", "mathcal", "mathscr", "mathfrak", "boldsymbol")
PLAIN_WRAPPERS = ("texttt", "textup", "textmd", "textnormal", "mbox", "hbox", "operatorname", "underline")
WORDS = {"eg": "e.g.", "ie": "i.e.", "etal": "et al.", "etc": "etc.", "wrt": "w.r.t.", "vs": "vs.", "circledR": "®"}


def _unicode_character(node: Any) -> str:
    r"""MathJax's `\unicode{x1F917}` (or `{129303}`) is the character itself."""
    argument = node.nodeargd.argnlist[0]
    code = argument.latex_verbatim().strip("{} ") if argument is not None else ""
    try:
        return chr(int(code[1:], 16) if code[:1] in "xX" else int(code))
    except (ValueError, OverflowError):
        return ""


def _unknown_macro(node: Any) -> str:
    # An author's own macro (`\model`, `\ours`) usually stands for a name: its name reads better than nothing.
    # A backslash before a URL (`\https://...`) makes a macro of the URL's mark: it is kept the same way.
    return str(node.macroname)


def _argument(node: Any, l2tobj: Any, index: int) -> str:
    r"""The text of a macro's argument, or "" where the text ends before it (`\url` alone)."""
    arguments = node.nodeargd.argnlist if node.nodeargd is not None else []
    argument = arguments[index] if index < len(arguments) else None
    return "" if argument is None else str(l2tobj.nodelist_to_text([argument]))


def _href(node: Any, l2tobj: Any) -> str:
    text, url = _argument(node, l2tobj, 2), _argument(node, l2tobj, 1)
    return f"{text} ({url})" if text.strip() else url


def _footnote(node: Any, l2tobj: Any) -> str:
    note = _argument(node, l2tobj, 1)
    return f" ({note})" if note.strip() else ""


def _walker_context() -> macrospec.LatexContextDb:
    context = latexwalker.get_default_latex_context_db()
    context.add_context_category(
        "abstracts",
        prepend=True,
        macros=[
            macrospec.std_macro("href", "[{{"),
            macrospec.std_macro("unicode", False, 1),
            *(macrospec.std_macro(name, "*[[{") for name in CITING_MACROS),
            *(macrospec.std_macro(name, "*{") for name in REFERRING_MACROS),
            *(macrospec.std_macro(name, False, 1) for name in (*LETTER_STYLES, *PLAIN_WRAPPERS)),
        ],
        # Abstracts close quotes with typographic apostrophes as often as with '' (arXiv rewrites them). A single
        # backtick stays one: listings also hold Markdown `code`.
        specials=[macrospec.std_specials("’’")],
    )
    return context


def _text_context() -> macrospec.LatexContextDb:
    context = latex2text.get_default_latex_context_db()
    context.add_context_category(
        "abstracts",
        prepend=True,
        macros=[
            MacroTextSpec("url", lambda node, l2tobj: _argument(node, l2tobj, 0)),
            MacroTextSpec("href", _href),
            MacroTextSpec("footnote", _footnote),
            MacroTextSpec("unicode", _unicode_character),
            *(MacroTextSpec(name, CITATION) for name in (*CITING_MACROS, *REFERRING_MACROS)),
            *(MacroTextSpec(name, discard=True) for name in SWITCHES),
            *(MacroTextSpec(name, discard=False) for name in (*LETTER_STYLES, *PLAIN_WRAPPERS)),
            *(MacroTextSpec(name, text) for name, text in WORDS.items()),
        ],
        specials=[SpecialsTextSpec("’’", "\u201d")],
    )
    context.set_unknown_macro_spec(MacroTextSpec("", _unknown_macro))
    return context


WALKER_CONTEXT = _walker_context()
# "based-on-source" keeps the space typed after a macro: `\model is` is "model is", not "modelis".
CONVERTER = latex2text.LatexNodes2Text(
    latex_context=_text_context(), math_mode="text", strict_latex_spaces="based-on-source"
)

# What makes a text LaTeX for pylatexenc; text without any of it is left as it is, and costs no parse.
LATEX_SIGNS = re.compile(r"[\\{}$~]|``|--|''|’’")
# A `$` opens inline math only before a non-space and closes it only after one and before a non-digit (Pandoc's
# rule): "costs $5 and $10" holds no math. Escaped characters are skipped whole, so `\$` is never a delimiter.
DOLLARS = re.compile(r"\\.|\$\$.+?\$\$|\$(?=[^\s$])(?:[^$\\]|\\.){1,200}?(?<=[^\s\\])\$(?!\d)|\$", re.DOTALL)
# In an abstract `%` is a per cent sign and `&` an ampersand, never a comment or an alignment tab; a `~` after a
# space or an opening bracket is "about" (`(~30x)`), since a tie joins two words; `--help` and `-->` stay as typed.
LITERALS = re.compile(r"\\.|[%&]|(?<![^\s(\[])~|(?<![\w-])--+(?=[A-Za-z])|--+>", re.DOTALL)


def _dollar(match: re.Match[str]) -> str:
    return "\\$" if match.group(0) == "$" else match.group(0)


def _literal(match: re.Match[str]) -> str:
    found = match.group(0)
    if found[0] == "\\":
        return found
    if found in "%&":
        return "\\" + found
    if found == "~":
        return "\\textasciitilde{}"
    return found.replace("-", "-{}")  # `-{}-` is two hyphens, not a dash


# Escaped characters do not open or close anything; the math delimiters `\(` `\)` `\[` `\]` are kept to be counted.
ESCAPED = re.compile(r"\\[^()\[\]]")
WORDS_AND_SPACES = re.compile(r"(\s+)")


def _is_open(stretch: str) -> bool:
    """Whether a stretch of words leaves a group, or inline or display math, open."""
    stretch = ESCAPED.sub("", stretch)
    return (
        stretch.count("{") > stretch.count("}")
        or stretch.count("\\(") > stretch.count("\\)")
        or stretch.count("\\[") > stretch.count("\\]")
        or stretch.count("$") % 2 == 1
    )


def _islands(source: str) -> list[tuple[str, bool]]:
    """The source cut into stretches of whole words, each marked whether it holds LaTeX.

    The parser reads a character at a time (about 10 ms for an abstract): only the words with LaTeX in them,
    with the words a group or math they open runs over, need it.
    """
    stretches: list[tuple[str, bool]] = []
    island: list[str] = []
    for piece in WORDS_AND_SPACES.split(source):
        if island:
            island.append(piece)
        elif piece and LATEX_SIGNS.search(piece):
            island = [piece]
        else:
            stretches.append((piece, False))
            continue
        if not piece.isspace() and not _is_open("".join(island)):
            stretches.append(("".join(island), True))
            island = []
    if island:
        stretches.append(("".join(island), True))
    return stretches


def _parse(source: str) -> str:
    nodes, _, _ = latexwalker.LatexWalker(source, latex_context=WALKER_CONTEXT, tolerant_parsing=True).get_latex_nodes()
    return str(CONVERTER.nodelist_to_text(nodes))


def latex_to_text(text: str) -> str:
    """The text `text` reads as, LaTeX markup turned into Unicode; citations and references are left out."""
    if LATEX_SIGNS.search(text) is None:
        return text
    source = LITERALS.sub(_literal, DOLLARS.sub(_dollar, text.replace(CITATION, "")))
    plain = "".join(_parse(stretch) if latex else stretch for stretch, latex in _islands(source))
    return CITATION_GAP.sub("", plain)
