// Lints every OpenAPI spec of the repository (openapi/*.yaml) with Redocly CLI. Run once per build by the root
// pom.xml (execution `lint-openapi`, phase validate):
//
//   node openapi/lint/lint-specs.mjs <repository root> <@redocly/cli version> [--offline=true|false]
//
// 1. Installs exactly that @redocly/cli version into <root>/target/lint (npm; engine-strict, so a Node.js that the
//    CLI does not support fails here, with npm's explanation; --offline=true, as in `mvn -o`, uses npm's cache only).
// 2. Runs `redocly lint` on the specs with <root>/redocly.yaml (rules) and <root>/.redocly.lint-ignore.yaml.
// Quiet when all is well: npm's summary, Redocly's progress lines and banners are dropped. The problems Redocly
// reports are printed; an error fails the build (exit status 1), a warning does not.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const [root, version, offline] = process.argv.slice(2);
if (!root || !version) {
  fail('usage: node lint-specs.mjs <repository root> <@redocly/cli version> [--offline=true|false]');
}
const specs = readdirSync(join(root, 'openapi'))
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => join('openapi', name));
if (specs.length === 0) {
  fail(`no OpenAPI spec found in ${join(root, 'openapi')}`);
}

const prefix = join(root, 'target', 'lint');
const npm = run(process.platform === 'win32' ? 'npm.cmd' : 'npm', [
  'install', '--prefix', prefix, `@redocly/cli@${version}`, '--save-exact', '--engine-strict',
  '--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error', '--prefer-offline',
  ...(offline === '--offline=true' ? ['--offline'] : []),
], {});
if (npm.status !== 0) {
  fail(`could not install @redocly/cli@${version} into ${prefix} (npm exit status ${npm.status})`, npm);
}

const redocly = run(process.execPath, [
  join(prefix, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js'),
  'lint', '--config', join(root, 'redocly.yaml'), '--format', 'stylish', ...specs,
], { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' });
const problems = redocly.stdout.trim();
if (redocly.status !== 0) {
  fail(`Redocly CLI found errors in the OpenAPI specs (rules: redocly.yaml)`, problems ? { stdout: problems } : redocly);
}
if (problems) {
  console.log(`OpenAPI lint (Redocly CLI ${version}): warnings\n${problems}`);
}

function run(command, args, env) {
  const result = spawnSync(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    shell: process.platform === 'win32',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) {
    fail(`could not run ${command}: ${result.error.message}`);
  }
  return result;
}

function fail(message, output) {
  const details = [output?.stdout, output?.stderr].map((text) => (text ?? '').trim()).filter(Boolean);
  console.error([`OpenAPI lint failed: ${message}`, ...details].join('\n'));
  process.exit(1);
}
