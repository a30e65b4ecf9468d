"""The one tokeniser: what the search index, the search box and related papers read text as."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from generator.related.terms import terms
from generator.search.index import indexed
from generator.text.tokens import STOP_WORDS, runs, without_urls, words

SEARCH_JS = Path(__file__).resolve().parent.parent / "docs" / "javascripts" / "search.js"
SAMPLES = [
    "Retrieval-Augmented Generation for LLMs",
    "ﬁne-tuning with Fréchet distance",
    "GPT-4o and Llama 3.1: a 70B model",
    "Ｆｕｌｌ-width ＡＢＣ letters",
    "snake_case and a\u00a0non-breaking space",
    "大規模言語モデル and 中文",
    "Fre\u0301chet, Erdős, Ångström and naïve",
    "한국어 모델, がくしゅう, 学 and 언어LLM모델",
]


def test_words_are_runs_of_letters_and_digits_after_nfkc_lowercased() -> None:
    assert words("ﬁne-tuning GPT-4o, Fréchet_distance") == ["fine", "tuning", "gpt", "4o", "frechet", "distance"]
    assert runs("LLMs fine-tune") == ["LLMs", "fine", "tune"]


def test_ascii_and_unicode_paths_agree() -> None:
    text = "Mixture-of-Experts, 3D scenes_and LLMs"
    assert words(text) == words(text + " é")[:-1]
    assert runs(text) == runs(text + " é")[:-1]


def test_one_stop_list_serves_search_and_related_papers() -> None:
    assert not indexed("the") and not indexed("which") and not indexed("x")
    assert indexed("few") and indexed("model") and indexed("results")
    assert terms("The model of which few results were shown") == ["model", "few", "result", "shown"]
    assert all(word == word.lower() and word.isalpha() for word in STOP_WORDS)


def _source_of(script: str, start: str, end: str) -> str:
    """The text of `script` from `start` to the first `end` after it, both included."""
    begin = script.index(start)
    return script[begin : script.index(end, begin) + len(end)]


def test_the_search_box_splits_words_as_the_index_does() -> None:
    """search.js's own `WORD` and `words`, run by Node.js on the samples, give the index's words."""
    script = SEARCH_JS.read_text(encoding="utf-8")
    program = "\n".join(
        [
            _source_of(script, "const WORD = ", ";"),
            _source_of(script, "const ACCENT = ", ";"),
            _source_of(script, "const CJK = ", ";"),
            _source_of(script, "function words(text) {", "\n  }"),
            _source_of(script, "function pairs(run) {", "\n  }"),
            f"console.log(JSON.stringify({json.dumps(SAMPLES)}.map(words)));",
        ]
    )
    result = subprocess.run(["node", "-e", program], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == [words(sample) for sample in SAMPLES]


def test_accents_fold_and_cjk_splits_into_pairs() -> None:
    assert words("Fréchet Fre\u0301chet Erdős") == ["frechet", "frechet", "erdos"]
    assert words("言語モデルとLLM") == ["言語", "語モ", "モデ", "デル", "ルと", "llm"]
    assert words("한국어 が 学") == ["한국", "국어", "が", "学"]


def test_web_addresses_are_left_out() -> None:
    text = "Code: https://github.com/lab/rag-manga, www.rag.org and huggingface.co/x or github.com/lab/rag."
    assert words(without_urls(text)) == ["code", "and", "huggingface", "co", "x", "or"]
    assert without_urls("input/output and/or") == "input/output and/or"
