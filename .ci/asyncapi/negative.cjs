// Writes the two negative controls of exports.md §6.5 from an exported wms.yaml:
// both-exchange-and-queue.yaml (an exchange added to the in.wms.orders AMQP queue binding) and
// no-x-prefix.yaml (a bare `schedule:` key on send.stock.v2). Usage: node negative.cjs WMS.yaml OUTDIR
const fs = require('fs');
const path = require('path');
const [src, out] = process.argv.slice(2);
const text = fs.readFileSync(src, 'utf8');
const replaceOnce = (t, from, to) => {
  if (!t.includes(from)) { console.error(`negative.cjs: "${from.trim()}" not found in ${src}`); process.exit(2); }
  return t.replace(from, to);
};
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'both-exchange-and-queue.yaml'),
  replaceOnce(text, '        is: queue\n', '        is: queue\n        exchange:\n          name: erp.events\n          type: topic\n'));
fs.writeFileSync(path.join(out, 'no-x-prefix.yaml'),
  replaceOnce(text, '  send.stock.v2:\n    action: send\n', '  send.stock.v2:\n    action: send\n    schedule: stream\n'));
