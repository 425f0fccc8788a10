// Validates AsyncAPI documents with @asyncapi/parser (exports.md 7.5): fails on any diagnostic of
// severity Error. Usage: node validate.cjs FILE... ; exit 0 when every file passes.
const { Parser, fromFile, DiagnosticSeverity } = require('@asyncapi/parser');
(async () => {
  const parser = new Parser();
  let bad = 0;
  for (const f of process.argv.slice(2)) {
    const { document, diagnostics } = await fromFile(parser, f).parse();
    const errors = diagnostics.filter(d => d.severity === DiagnosticSeverity.Error);
    for (const d of errors) console.log(`${f}: ERROR ${d.code} at ${d.path.join('.')} : ${d.message}`);
    if (errors.length || !document) { bad++; console.log(`FAIL ${f}`); }
    else console.log(`PASS ${f} (asyncapi ${document.version()}, ${document.channels().length} channels, ${document.operations().length} operations)`);
  }
  console.log(`asyncapi parser: ${process.argv.length - 2 - bad} valid, ${bad} invalid`);
  process.exit(bad ? 1 : 0);
})();
