"""Text clean-up: LaTeX residue to plain Unicode, Markdown escaping, first sentences."""

from __future__ import annotations

import re
import unicodedata

from generator.links import URL_PATTERN, is_usable, trim_url

# Accent macros as combining characters: `Fr\'echet` becomes "Fréchet" after NFC normalisation.
ACCENTS = {
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    '"': "\u0308",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "c": "\u0327",
    "v": "\u030c",
    "u": "\u0306",
    "H": "\u030b",
    "k": "\u0328",
    "r": "\u030a",
}
SYMBOLS = {
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "epsilon": "ε",
    "varepsilon": "ε",
    "zeta": "ζ",
    "eta": "η",
    "theta": "θ",
    "kappa": "κ",
    "lambda": "λ",
    "mu": "μ",
    "nu": "ν",
    "xi": "ξ",
    "pi": "π",
    "rho": "ρ",
    "sigma": "σ",
    "tau": "τ",
    "phi": "φ",
    "chi": "χ",
    "psi": "ψ",
    "omega": "ω",
    "Gamma": "Γ",
    "Delta": "Δ",
    "Theta": "Θ",
    "Lambda": "Λ",
    "Sigma": "Σ",
    "Phi": "Φ",
    "Psi": "Ψ",
    "Omega": "Ω",
    "times": "×",
    "approx": "≈",
    "sim": "~",
    "leq": "≤",
    "le": "≤",
    "geq": "≥",
    "ge": "≥",
    "neq": "≠",
    "pm": "±",
    "cdot": "·",
    "infty": "∞",
    "rightarrow": "→",
    "to": "→",
    "leftarrow": "←",
    "ldots": "…",
    "dots": "…",
    "cdots": "⋯",
    "textasciitilde": "~",
    "ss": "ß",
    "o": "ø",
    "O": "Ø",
    "aa": "å",
    "AA": "Å",
    "ae": "æ",
    "AE": "Æ",
    "l": "ł",
    "L": "Ł",
    "i": "ı",
}
ESCAPED_SYMBOLS = {"%": "%", "&": "&", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", " ": " "}
FORMATTING_MACROS = (
    "emph",
    "textbf",
    "textit",
    "texttt",
    "textsc",
    "textrm",
    "mathrm",
    "mathbf",
    "mathit",
    "mathcal",
    "text",
    "underline",
)

ACCENT_PATTERN = re.compile(r"\\([" + re.escape("'`^\"~=.") + r"]|[cvuHkr](?=[{\s]))\s*(?:\{(\w?)\}|(\w))")
FORMATTING_PATTERN = re.compile(r"\\(?:" + "|".join(FORMATTING_MACROS) + r")\{([^{}]*)\}")
MACRO_PATTERN = re.compile(r"\\([A-Za-z]+)(?:\{\})?")
ESCAPE_PATTERN = re.compile(r"\\([%&$#_{} ])")
MATH_PATTERN = re.compile(r"\$([^$\s][^$]{0,80}?)\$")
# LaTeX quotes open with backticks and close with apostrophes; a Markdown `code` span is left alone.
DOUBLE_QUOTE_PATTERN = re.compile(r"(?<!`)``([^`]+?)''(?!')")
SINGLE_QUOTE_PATTERN = re.compile(r"(?<![\w`])`([^`']+)'(?!\w)")
DASH_PATTERN = re.compile(r"(?<= )---?(?= )")  # spaced only, so command-line flags such as --help stay
LINE_BREAK_PATTERN = re.compile(r"\\\\")  # `\\` ends a line in LaTeX
URL_MACRO_PATTERN = re.compile(r"\\url\{([^{}\s]*)\}")
HREF_PATTERN = re.compile(r"\\href\{([^{}\s]*)\}\{([^{}]*)\}")
# C0 control characters other than white space: invisible, and some are Python-Markdown's placeholders.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
GROUPED_ACCENT_PATTERN = re.compile(r"\{(\\[^{}]+)\}")


def _replace_accent(match: re.Match[str]) -> str:
    letter = match.group(2) if match.group(2) is not None else match.group(3)
    return unicodedata.normalize("NFC", letter + ACCENTS[match.group(1)]) if letter else ""


def _replace_macro(match: re.Match[str]) -> str:
    name = match.group(1)
    return SYMBOLS.get(name, name)


def _clean_latex_fragment(text: str) -> str:
    text = GROUPED_ACCENT_PATTERN.sub(r"\1", text)  # `{\'e}` is the same accent as `\'e`
    text = ACCENT_PATTERN.sub(_replace_accent, text)
    text = MATH_PATTERN.sub(lambda m: m.group(1) if re.search(r"[\\^_{}]", m.group(1)) else m.group(0), text)
    text = ESCAPE_PATTERN.sub(lambda m: ESCAPED_SYMBOLS[m.group(1)], text)
    # A tie (~) is a space; done before the macros, so that \sim and \textasciitilde still give "~".
    text = text.replace("~", " ")
    text = MACRO_PATTERN.sub(_replace_macro, text)
    text = DOUBLE_QUOTE_PATTERN.sub("\u201c\\1\u201d", text)
    text = SINGLE_QUOTE_PATTERN.sub("\u2018\\1\u2019", text)
    return DASH_PATTERN.sub(lambda m: "\u2014" if m.group(0) == "---" else "\u2013", text)


def clean_latex(text: str) -> str:
    """Turn LaTeX residue into what it means, leaving URLs exactly as they are."""
    text = normalize_space(CONTROL_CHARACTERS.sub("", text))
    text = LINE_BREAK_PATTERN.sub(" ", text)
    text = URL_MACRO_PATTERN.sub(r"\1", text)
    text = HREF_PATTERN.sub(r"\2 (\1)", text)
    while FORMATTING_PATTERN.search(text):
        text = FORMATTING_PATTERN.sub(r"\1", text)
    pieces: list[str] = []
    position = 0
    for match in URL_PATTERN.finditer(text):
        url = trim_url(match.group(0))
        pieces.append(_clean_latex_fragment(text[position : match.start()]))
        pieces.append(url)
        position = match.start() + len(url)
    pieces.append(_clean_latex_fragment(text[position:]))
    return normalize_space("".join(pieces))


def normalize_space(text: str) -> str:
    return " ".join(text.split())


# Characters with a meaning anywhere in a line of Python-Markdown (with the extensions in mkdocs.yml)
# get a backslash; `<` and `&` become entities because a backslash does not stop HTML or entities.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#])")
# At the start of a block, these begin a list, a quote or a heading.
BLOCK_START = re.compile(r"^(\d+(?=\.\s)|[-+>])")


def _escape(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def escape_markdown(text: str) -> str:
    """Markdown source, on one line, that renders as exactly `text` with its white space folded.

    Control characters are dropped: they are not text, and STX and ETX are Python-Markdown's own markers.
    """
    return _escape_block_start(_escape(normalize_space(CONTROL_CHARACTERS.sub("", text))))


def _escape_block_start(markdown: str) -> str:
    match = BLOCK_START.match(markdown)
    if match is None:
        return markdown
    if match.group(1)[0].isdigit():
        return markdown[: match.end()] + "\\" + markdown[match.end() :]
    return "\\" + markdown


def markdown_with_links(text: str) -> str:
    """Like `escape_markdown`, but every usable http(s) URL becomes a link that reads as the URL.

    An explicit link, `[escaped URL](<URL>)`, not an autolink: Python-Markdown would decode an entity
    inside an autolink, and match `[x](y)` inside a URL as a link of its own.
    """
    text = normalize_space(CONTROL_CHARACTERS.sub("", text))
    pieces: list[str] = []
    position = 0
    for match in URL_PATTERN.finditer(text):
        url = trim_url(match.group(0))
        if not is_usable(url):
            continue
        before = _escape(text[position : match.start()])
        # A "!" just before the link would make it an image.
        pieces.append(before[:-1] + "\\!" if before.endswith("!") else before)
        # The serialiser keeps entities in attributes as they are, so `&` is written as one: `&amp;`.
        pieces.append(f"[{_escape(url)}](<{url.replace('&', '&amp;')}>)")
        position = match.start() + len(url)
    pieces.append(_escape(text[position:]))
    return _escape_block_start("".join(pieces))


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[“])")
ABBREVIATIONS = ("e.g.", "i.e.", "et al.", "etc.", "vs.", "cf.", "Fig.", "Eq.", "approx.", "resp.")


def first_sentence(text: str, limit: int = 300) -> str:
    """The abstract's first sentence, cut at a word boundary with an ellipsis if longer than `limit`."""
    # Folding the white space of a whole abstract costs more than the rest, and the answer only needs its start.
    # A window of the text, folded, is the start of the whole text folded: a sentence end found in it is the
    # first one, and a window longer than `limit` without one is cut exactly as the whole text would be.
    window = 2 * limit + 200
    if len(text) > window:
        head = normalize_space(text[:window])
        sentence = _leading_sentence(head)
        if sentence is not None or len(head) > limit:
            return _shorten(sentence or head, limit)
    text = normalize_space(text)
    return _shorten(_leading_sentence(text) or text, limit)


def _leading_sentence(text: str) -> str | None:
    """The text up to the first sentence end that is not an abbreviation; None if there is none."""
    for match in SENTENCE_END.finditer(text):
        candidate = text[: match.start()]
        if not candidate.endswith(ABBREVIATIONS):
            return candidate
    return None


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit] if text[limit] == " " else text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
