"""Slugs: readable, unique, capped at a word boundary, and made for any script."""

from __future__ import annotations

import pytest

from generator.catalog.slugs import RESERVED_SLUGS, SLUG_MAX_LENGTH, make_slug, slug_problem, title_key


def test_make_slug() -> None:
    assert make_slug("CM3: A Causal Masked Multimodal Model", set()) == "cm3-a-causal-masked-multimodal-model"


def test_make_slug_suffix_makes_it_unique() -> None:
    title = "Attention Is All You Need"
    assert make_slug(title, {"attention-is-all-you-need"}) == "attention-is-all-you-need-2"
    taken = {"attention-is-all-you-need", "attention-is-all-you-need-2", "attention-is-all-you-need-4"}
    assert make_slug(title, taken) == "attention-is-all-you-need-3"


def test_make_slug_is_capped_at_a_word_boundary() -> None:
    title = "Towards Improved Input Masking for Convolutional Neural Networks and Many Other Architectures Besides"
    slug = make_slug(title, set())
    assert slug == "towards-improved-input-masking-for-convolutional-neural-networks-and-many-other"
    assert len(slug) <= SLUG_MAX_LENGTH


def test_make_slug_of_one_long_word_is_cut() -> None:
    assert make_slug("a" * 100, set()) == "a" * SLUG_MAX_LENGTH


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Fréchet Inception Distance", "frechet-inception-distance"),
        ("Внимание — это всё, что вам нужно", "vnimanie-eto-vse-chto-vam-nuzhno"),
        ("注意力就是你所需要的", "zhu-yi-li-jiu-shi-ni-suo-xu-yao-de"),
        ("Ελληνικά", "ellenika"),
    ],
)
def test_make_slug_of_non_latin_titles(title: str, slug: str) -> None:
    assert make_slug(title, set()) == slug


def test_make_slug_of_a_title_with_no_letters() -> None:
    assert make_slug("🙂 🙂", set()) == "paper"
    assert make_slug("🙂 🙂", {"paper"}) == "paper-2"


def test_title_key_ignores_case_accents_and_punctuation() -> None:
    assert title_key("Pâper  A!") == title_key("paper a") == "paper-a"
    assert title_key("Paper A") != title_key("Paper B")


@pytest.mark.parametrize("title", ["Index", "PAGE", "Papers!", "Tags", "Search", "Assets", "Feed"])
def test_make_slug_never_makes_a_reserved_name(title: str) -> None:
    slug = make_slug(title, set())
    assert slug not in RESERVED_SLUGS
    assert slug == f"{title.lower().rstrip('!')}-2"
    assert slug_problem(slug) is None


@pytest.mark.parametrize(
    ("slug", "problem"),
    [
        ("", "is empty"),
        ("../x", "must be lowercase letters, digits and single hyphens"),
        ("a--b", "must be lowercase letters, digits and single hyphens"),
        ("Upper", "must be lowercase letters, digits and single hyphens"),
        ("a\nb", "must be lowercase letters, digits and single hyphens"),
        ("a" * 81, "is 81 characters long; 80 at most"),
        ("index", "is a name the site uses for its own pages; choose another"),
        ("page", "is a name the site uses for its own pages; choose another"),
        ("fine-slug-2", None),
    ],
)
def test_slug_problem(slug: str, problem: str | None) -> None:
    assert slug_problem(slug) == problem
