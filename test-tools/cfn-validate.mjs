#!/usr/bin/env node
// cfn-validate.mjs runs AWS's offline CloudFormation validator
// (@aws/cloudformation-validate) over template files and prints one JSON
// object per finding on stdout:
//   {"file","line","column","level","rule","message","resource","path"}
// Exit status: 0 when no finding is FATAL or ERROR, 1 when one is, 2 on bad
// usage or when a template cannot be read or analysed.
//
// Usage: node test-tools/cfn-validate.mjs [--region us-east-1] [--strict] [--min-level INFO|WARN|ERROR] <template>...
// --strict upgrades WARN to ERROR; --min-level drops findings below a level.
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { RegoEngine, TemplateFile } = require('@aws/cloudformation-validate');

function usage(msg) {
  if (msg) process.stderr.write(`cfn-validate: ${msg}\n`);
  process.stderr.write('usage: node cfn-validate.mjs [--region REGION] [--strict] [--min-level LEVEL] <template>...\n');
  process.exit(2);
}

const files = [];
let region;
let strict = false;
let minLevel;
const LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--region') {
    region = argv[++i];
    if (!region) usage('--region needs a value');
  } else if (a === '--min-level') {
    minLevel = (argv[++i] ?? '').toUpperCase();
    if (!LEVELS.includes(minLevel)) usage(`--min-level must be one of ${LEVELS.join(', ')}`);
  } else if (a === '--strict') {
    strict = true;
  } else if (a === '-h' || a === '--help') {
    usage();
  } else if (a.startsWith('-')) {
    usage(`unknown flag ${a}`);
  } else {
    files.push(a);
  }
}
if (files.length === 0) usage('no template given');

const ERROR_LEVELS = new Set(['FATAL', 'ERROR']);
const config = { strict };
if (region) config.pseudoParameterOverrides = { region };
if (minLevel) config.severityLevel = minLevel;

let status = 0;
const engine = new RegoEngine();
try {
  for (const file of files) {
    if (!existsSync(file)) {
      emit({ file, line: 0, column: 0, level: 'FATAL', rule: 'io', message: `${file}: no such file` });
      status = 2;
      continue;
    }
    let report;
    try {
      report = engine.validateStandard(new TemplateFile(file), config);
    } catch (err) {
      emit({ file, line: 0, column: 0, level: 'FATAL', rule: 'engine', message: String(err?.message ?? err) });
      status = 2;
      continue;
    }
    if (report.status === 'ERROR') status = 2;
    if (report.status === 'ANALYSIS_INCOMPLETE') {
      emit({ file, line: 0, column: 0, level: 'WARN', rule: 'analysis-incomplete', message: 'validator stopped early; findings may be missing' });
    }
    const diags = [...report.diagnostics].sort(
      (a, b) =>
        (a.startLine ?? 0) - (b.startLine ?? 0) ||
        (a.startColumn ?? 0) - (b.startColumn ?? 0) ||
        a.ruleId.localeCompare(b.ruleId) ||
        a.message.localeCompare(b.message),
    );
    for (const d of diags) {
      emit({
        file,
        line: d.startLine ?? 0,
        column: d.startColumn ?? 0,
        level: d.severity,
        rule: d.ruleId,
        message: d.message,
        resource: d.entity?.logicalId,
        path: d.propertyPath,
      });
      if (ERROR_LEVELS.has(d.severity) && status === 0) status = 1;
    }
  }
} finally {
  engine.free();
}
process.exit(status);

function emit(finding) {
  process.stdout.write(JSON.stringify(finding) + '\n');
}
