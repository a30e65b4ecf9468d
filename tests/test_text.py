"""LaTeX clean-up, Markdown escaping checked with the real Python-Markdown, and first sentences."""

from __future__ import annotations

import markdown  # type: ignore[import-untyped]
import pytest
from bs4 import BeautifulSoup

from generator.listings.escaping import escape_markdown, markdown_with_links
from generator.listings.text import clean_latex, first_sentence


@pytest.mark.parametrize(
    ("latex", "plain"),
    [
        (r"up to 11.6\% relative", "up to 11.6% relative"),
        (r"wav2vec~2.0", "wav2vec 2.0"),
        ("``N:M''", "\u201cN:M\u201d"),
        (r"Fr\'echet", "Fréchet"),
        (r"{\"o}", "ö"),
        (r"Schr{\"o}dinger", "Schrödinger"),
        (r"Erd\H{o}s", "Erdős"),
        (r"\ewtune~adds", "ewtune adds"),
        (r"\emph{x}", "x"),
        (r"\textbf{\emph{bold}} text", "bold text"),
        (r"$\alpha$", "α"),
        (r"$O(n^2)$", "O(n^2)"),
        ("$5 and $10", "$5 and $10"),
        # Kinds seen in arXiv abstracts of LLM papers.
        ("pass@$k$ for $k$-NN", "pass@k for k-NN"),
        (r"5\(\times\) higher throughput", "5× higher throughput"),
        (r"4\(\times\)RTX 3090", "4×RTX 3090"),
        (r"accuracy of \(47.33%\) on", "accuracy of 47.33% on"),
        (r"\(\sim\)66% and \(78.7%\rightarrow92.5%\)", "∼66% and 78.7%→92.5%"),
        (r"\(L_{AD}\) and NLVR\(^2\)", "L_AD and NLVR^2"),
        (r"\(O(n \sqrt{n})\)", "O(n √(n))"),
        (r"\(p(x \mid y)\)", "p(x | y)"),
        (r"\(\mathbf{pivot~prompting}\)", "pivot prompting"),
        (r"\(\textbf{Vi}\)sion and \(\textbf{S}\)cene", "Vision and Scene"),
        (r"\({\rm {\scriptsize CODE2SEQ}}\): an", "CODE2SEQ: an"),
        (r"{\it Universal schema} can", "Universal schema can"),
        (r"\textit{data, model, and test-time} bugs", "data, model, and test-time bugs"),
        (r"\textsc{Bert} and \texttt{gpt_2}", "Bert and gpt_2"),
        (r"shown~\cite{radford2021learning}.", "shown."),
        (r"baseline~\citep[p.~3]{gu2017non} by", "baseline by"),
        (r"see Table~\ref{t:main}, and", "see Table, and"),
        (r"code\footnote{Available on request.} is", "code (Available on request.) is"),
        (r"We present \model, and \model is", "We present model, and model is"),
        (r"pronouns (\eg, they'')", "pronouns (e.g., they”)"),
        ("``serialize\u2019\u2019 the output", "\u201cserialize\u201d the output"),
        ("a `preference model\u2019 stage and `code`", "a `preference model\u2019 stage and `code`"),
        (r"Intel\(^\circledR\) Xeon", "Intel^® Xeon"),
        (r"\unicode{x1F917} Transformers", "\U0001f917 Transformers"),
        (r"\( \mathbf{\hat{y}} = \{y_{0}\ldots y_{T}\} \)", "ŷ = {y_0… y_T}"),
        (r"agreements\ are", "agreements are"),
        ("Multiwoz -- A Large-scale Dataset", "Multiwoz – A Large-scale Dataset"),
        ("ranges 2--4 and a-->b", "ranges 2–4 and a-->b"),
        ("(~30x) and ~7 times, (~ 3.4 x)", "(~30x) and ~7 times, (~ 3.4 x)"),
        ("e.g.~RoBERTa", "e.g. RoBERTa"),
        # Plain text stays as it is.
        ("costs $5-$10, or 100% of C++ in a_b and x^2", "costs $5-$10, or 100% of C++ in a_b and x^2"),
        ("AT&T and R&D at 50-73% with <text, audio> pairs", "AT&T and R&D at 50-73% with <text, audio> pairs"),
        ("+$0.9% on NLVR2", "+$0.9% on NLVR2"),
        # Markdown and HTML pasted with the abstract.
        ("[https://x.org/a](https://x.org/a)", "https://x.org/a"),
        ("see [our code](https://github.com/o/r).", "see our code (https://github.com/o/r)."),
        ("[github.com/o/r](https://github.com/o/r/)", "https://github.com/o/r/"),
        ('<a href="https://x.org/a?b=1&amp;c=2">the demo</a>', "the demo (https://x.org/a?b=1&c=2)"),
        ('<a href="javascript:alert(1)">click</a>', "click"),
        ("one<br>two<br/>x<sup>2</sup> &amp; &lt;b&gt; &copy; &#65;", "one two x2 & <b> © A"),
        ("this&nothing &amp", "this&nothing &amp"),
        ("a -- b", "a \u2013 b"),
        ("a --- b", "a \u2014 b"),
        ("use --help or -v", "use --help or -v"),
        (r"R\&D", "R&D"),
        ("two\n  lines", "two lines"),
    ],
)
def test_clean_latex(latex: str, plain: str) -> None:
    assert clean_latex(latex) == plain


@pytest.mark.parametrize(
    "url",
    [
        "https://x.org/~user/my_project",
        "https://x.org/a--b/c---d",
        "https://x.org/%7Efoo/{x}_$y",
    ],
)
def test_clean_latex_leaves_urls_untouched(url: str) -> None:
    assert clean_latex(f"Code at {url}, see~it.") == f"Code at {url}, see it."


@pytest.mark.parametrize(
    ("latex", "plain"),
    [
        (r"\url{https://x.org/~u/a_b}.", "https://x.org/~u/a_b."),
        (r"{\url{ https://github.com/thunlp/OpenPrompt}}.", "https://github.com/thunlp/OpenPrompt."),
        (r"\href{https://x.org/a--b}{the demo}", "the demo (https://x.org/a--b)"),
        (r"\url{https://x.org/{a}}", "https://x.org/{a}"),
        (r"Code\footnote{https://github.com/o/r_1} is", "Code (https://github.com/o/r_1) is"),
        (r"at \textcolor{blue}{https://github.com/o/r}.", "at https://github.com/o/r."),
        (r"\textbf{https://x.org/$k$/%7E}", "https://x.org/$k$/%7E"),
        ("[https://x.org/a_(b)](https://x.org/a_(b))", "https://x.org/a_(b)"),
    ],
)
def test_clean_latex_keeps_urls_in_macros_and_links_as_typed(latex: str, plain: str) -> None:
    assert clean_latex(latex) == plain


def test_clean_latex_cleans_the_full_stop_after_a_url() -> None:
    assert clean_latex(r"See https://x.org/~u/a_b. Then 5\%.") == "See https://x.org/~u/a_b. Then 5%."


NASTY = [
    "[MASK]",
    "A* search and B* search",
    "_a_ and __b__",
    "use `code` and ``double`` backticks",
    "x^2",
    "a < b > c",
    "&amp;",
    "&copy; &#65;",
    "AT&T",
    "<script>alert(1)</script>",
    "<!-- comment -->",
    "# not a heading",
    "- not a list",
    "* not a list",
    "1. not a list",
    "2023. A year",
    "> not a quote",
    "+ x",
    "-",
    "{: .cls }",
    "x {#id}",
    "![img](http://x)",
    "[link](http://x)",
    "[ref]: http://x",
    "\\ backslash",
    "a\\",
    "C#",
    "# a #",
    "***",
    "- - -",
    "  spaced\n  over  lines  ",
    "---",
    "-- -",
]


def render(source: str) -> BeautifulSoup:
    html: str = markdown.markdown(source, extensions=["attr_list", "toc"])
    return BeautifulSoup(html, "html.parser")


def folded(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("text", NASTY)
def test_escape_markdown_renders_as_the_text(text: str) -> None:
    soup = render(escape_markdown(text))
    assert soup.get_text() == folded(text)
    assert [tag.name for tag in soup.find_all(True)] == ["p"]


@pytest.mark.parametrize("text", NASTY)
def test_markdown_with_links_renders_as_the_text(text: str) -> None:
    soup = render(markdown_with_links(text))
    assert soup.get_text() == folded(text)
    assert [tag.name for tag in soup.find_all(True) if tag.name != "a"] == ["p"]
    assert [link.get("href") for link in soup.find_all("a")] == (["http://x"] if "http://x" in text else [])


def test_escape_markdown_does_not_link_urls() -> None:
    soup = render(escape_markdown("see https://x.org/a_b*c* now"))
    assert soup.get_text() == "see https://x.org/a_b*c* now"
    assert soup.find_all("a") == []


@pytest.mark.parametrize(
    ("text", "urls"),
    [
        ("Code at https://github.com/o/r.", ["https://github.com/o/r"]),
        ("https://x.org/ at the start", ["https://x.org/"]),
        ("1. https://x.org/a_b~c?d=1&e=2", ["https://x.org/a_b~c?d=1&e=2"]),
        ("(see https://x.org/a*b*) and <https://y.org/>", ["https://x.org/a*b", "https://y.org/"]),
        ("[link](http://x) and `https://z.org/p`", ["http://x", "https://z.org/p"]),
    ],
)
def test_markdown_with_links_makes_autolinks(text: str, urls: list[str]) -> None:
    soup = render(markdown_with_links(text))
    assert soup.get_text() == text
    links = soup.find_all("a")
    assert [link.get("href") for link in links] == urls
    assert [link.get_text() for link in links] == urls
    assert soup.find_all(["em", "strong", "code", "script", "img"]) == []


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("One sentence. Another one.", "One sentence."),
        ("It works! Yes.", "It works!"),
        ("Does it? Yes.", "Does it?"),
        ("Models, e.g. GPT-4, fail. Next.", "Models, e.g. GPT-4, fail."),
        ("Smith et al. Show this. Next.", "Smith et al. Show this."),
        ("See Fig. 2 for details. Next.", "See Fig. 2 for details."),
        ("Version 3.5 is used. Then 4.", "Version 3.5 is used."),
        ("No sentence end here", "No sentence end here"),
        ("A lowercase end. and more", "A lowercase end. and more"),
        ("Folded  white\n space. Next.", "Folded white space."),
    ],
)
def test_first_sentence(text: str, sentence: str) -> None:
    assert first_sentence(text) == sentence


@pytest.mark.parametrize(
    ("text", "limit", "cut"),
    [
        ("One two three four five six", 12, "One two…"),
        ("One two three four five six", 13, "One two three…"),
        ("alpha, beta gamma", 6, "alpha…"),
        ("Exactly ten", 11, "Exactly ten"),
        ("Unbreakable", 5, "Unbre…"),
    ],
)
def test_first_sentence_cut_at_limit(text: str, limit: int, cut: str) -> None:
    assert first_sentence(text, limit=limit) == cut


@pytest.mark.parametrize(
    "pasted",
    ["[https://x.org/a](https://x.org/a)", "[code](https://x.org/a).", '<a href="https://x.org/a">https://x.org/a</a>'],
)
def test_a_pasted_link_renders_as_one_whole_link(pasted: str) -> None:
    soup = render(markdown_with_links(clean_latex(pasted)))
    assert [link.get("href") for link in soup.find_all("a")] == ["https://x.org/a"]
