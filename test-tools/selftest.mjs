#!/usr/bin/env node
// selftest.mjs checks that the pinned oracles still behave as Hoist's tests
// expect: cfn-validate.mjs passes a good template and fails seeded mistakes.
// Run: npm test (inside test-tools).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const cases = [
  { file: 'testdata/good.yaml', status: 0, rules: [] },
  { file: 'testdata/bad-unknown-property.yaml', status: 1, rules: ['F3002'], text: "Did you mean 'BucketName'" },
  { file: 'testdata/bad-type.yaml', status: 1, rules: ['F3012'], text: "'abc' is not of type 'integer'" },
];

let failed = 0;
for (const c of cases) {
  const run = spawnSync(process.execPath, ['cfn-validate.mjs', '--min-level', 'ERROR', c.file], { cwd: here, encoding: 'utf8' });
  const findings = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const rules = findings.map((f) => f.rule).sort();
  const problems = [];
  if (run.status !== c.status) problems.push(`exit status: got ${run.status}, want ${c.status}`);
  if (JSON.stringify(rules) !== JSON.stringify(c.rules)) problems.push(`rules: got ${JSON.stringify(rules)}, want ${JSON.stringify(c.rules)}`);
  if (c.text && !findings.some((f) => f.message.includes(c.text))) problems.push(`no message contains ${JSON.stringify(c.text)}`);
  for (const f of findings) {
    for (const k of ['file', 'line', 'column', 'level', 'rule', 'message']) {
      if (!(k in f)) problems.push(`finding lacks ${k}: ${JSON.stringify(f)}`);
    }
  }
  if (problems.length) {
    failed++;
    console.error(`FAIL ${c.file}\n  ${problems.join('\n  ')}\n  stderr: ${run.stderr.trim()}`);
  } else {
    console.log(`ok   ${c.file}`);
  }
}
process.exit(failed ? 1 : 0);
