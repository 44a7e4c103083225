// Checks JSON against the W3C Web Annotation test suite's MUST assertions (draft-04
// schemas that refer to each other by id). The suite lives in ../shared beside the
// checkout; W3C_TESTS overrides where.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const root = process.env.W3C_TESTS
  ?? fileURLToPath(new URL('../../../shared/w3c-annotation-tests/', import.meta.url));
const read = (path) => JSON.parse(readFileSync(`${root}/${path}`, 'utf8'));

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
for (const file of readdirSync(`${root}/definitions`)) ajv.addSchema(read(`definitions/${file}`));

/**
 * Runs every assertion listed in a `.test` file (e.g. `annotations/annotationMusts.test`)
 * against `value`; returns the failures as readable lines (empty when all hold).
 */
export function failedMusts(testFile, value) {
  const failures = [];
  for (const path of read(testFile).assertions) {
    const schema = read(path);
    const validate = ajv.getSchema(schema.id) ?? ajv.compile(schema);
    const valid = validate(value);
    if (valid !== (schema.expectedResult !== 'invalid')) {
      failures.push(`${path}: ${schema.errorMessage ?? schema.title} ${ajv.errorsText(validate.errors)}`);
    }
  }
  return failures;
}
