// Validates one RDF document (Turtle or JSON-LD) against the DCAT-AP 3.0.1 SHACL shapes in ./shapes and
// prints the result as JSON: { "conforms", "violations": [...], "warnings": [...] }.
// Exit 0: no violation (warnings and infos do not fail) · 1: at least one violation · 2: unusable input.
//
//   node validate.mjs catalog.ttl              (format from the extension: .ttl, .jsonld/.json)
//   node validate.mjs --format jsonld < catalog.jsonld
//
// Nothing is fetched: a JSON-LD document whose context is remote is an error, and the shapes' owl:imports
// are not followed. vocabulary.ttl adds the few class-hierarchy axioms of the reused vocabularies that the
// range shapes' sh:class checks need when data uses a subclass (SHACL reads rdfs:subClassOf from the data).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const here = dirname(fileURLToPath(import.meta.url));
const SH = 'http://www.w3.org/ns/shacl#';

function fail(message) {
  process.stdout.write(JSON.stringify({ error: message }) + '\n');
  process.exit(2);
}

function parseArgs(argv) {
  let file = null;
  let format = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--format') format = argv[++i];
    else file = argv[i];
  }
  if (!format && file) {
    const ext = extname(file).toLowerCase();
    format = ext === '.ttl' ? 'turtle' : ext === '.jsonld' || ext === '.json' ? 'jsonld' : null;
  }
  if (format !== 'turtle' && format !== 'jsonld') fail('Give a .ttl or .jsonld file, or --format turtle|jsonld.');
  return { file, format };
}

const parseTurtle = (text, baseIRI) => new Parser({ baseIRI }).parse(text);

async function parseJsonLd(text) {
  const documentLoader = async (url) => { throw new Error(`remote context refused (nothing is fetched): ${url}`); };
  const nquads = await jsonld.toRDF(JSON.parse(text), { format: 'application/n-quads', documentLoader });
  return new Parser({ format: 'N-Quads' }).parse(nquads);
}

function shapes() {
  const dir = join(here, 'shapes');
  return readdirSync(dir).filter((f) => f.endsWith('.ttl')).sort()
    .flatMap((f) => parseTurtle(readFileSync(join(dir, f), 'utf8'), `file://${join(dir, f)}`));
}

const term = (t) => (t ? t.value : null);

async function main() {
  const { file, format } = parseArgs(process.argv.slice(2));
  const text = readFileSync(file ?? 0, 'utf8');
  let quads;
  try {
    quads = format === 'turtle' ? parseTurtle(text, 'urn:census:document') : await parseJsonLd(text);
  } catch (error) {
    fail(`The document is not valid ${format}: ${error.message}`);
  }

  const vocabulary = parseTurtle(readFileSync(join(here, 'vocabulary.ttl'), 'utf8'), 'urn:census:vocabulary');
  const validator = new SHACLValidator(shapes());
  const data = validator.factory.dataset([...quads, ...vocabulary]
    .map((q) => validator.factory.quad(q.subject, q.predicate, q.object)));
  const report = await validator.validate(data);
  const results = report.results.map((r) => ({
    severity: term(r.severity)?.replace(SH, 'sh:'),
    focusNode: term(r.focusNode),
    path: term(r.path),
    value: term(r.value),
    message: r.message.map((m) => m.value),
    constraint: term(r.sourceConstraintComponent)?.replace(SH, 'sh:'),
    shape: term(r.sourceShape),
  }));
  const violations = results.filter((r) => r.severity === 'sh:Violation');
  const warnings = results.filter((r) => r.severity !== 'sh:Violation');
  process.stdout.write(JSON.stringify({ conforms: violations.length === 0, triples: quads.length, violations, warnings }, null, 2) + '\n');
  process.exit(violations.length === 0 ? 0 : 1);
}

main().catch((error) => fail(error.stack ?? String(error)));
