import dataclasses

from generator.catalog.declaration import IN_FILE_ORDER, PAPER_DECLARATION, PAPER_FIELDS
from generator.catalog.model import Paper


def test_every_field_of_a_paper_is_declared_once() -> None:
    declared = [field.name for field in PAPER_DECLARATION]
    assert sorted(declared) == sorted(field.name for field in dataclasses.fields(Paper))
    assert len(set(declared)) == len(declared)


def test_the_file_order_is_a_permutation_and_the_schema_follows_it() -> None:
    assert sorted(field.yaml_order for field in PAPER_DECLARATION) == list(range(len(PAPER_DECLARATION)))
    assert [field.name for field in PAPER_FIELDS] == [
        "slug",
        "title",
        "tags",
        "suggested_tags",
        "abstract",
        "links",
        "listings",
        "added",
        "aliases",
        "authors",
        "year",
        "published",
        "arxiv",
        "category",
        "distinct_from",
    ]
    assert [declared.field for declared in IN_FILE_ORDER] == list(PAPER_FIELDS)
