// Reads Parquet files written by unwrapped with DuckDB, Polars and parquet-wasm (arrow-rs) and
// compares every value exactly with the expectations in the manifest; then runs each range
// filter through DuckDB and Polars (which prune row groups by our statistics) and compares the
// returned row ids. Prints a JSON summary; exits 1 on any difference.
//   node read_ours.mjs MANIFEST.json
// Manifest: {"files": [{"path", "columns": [{"name", "type"}], "values": {name: [canonical]},
//            "filters": [{"column", "type", "lower", "upper", "row_ids": ["0", …]}]}]}
// Every file has a REQUIRED int64 column "row_id" numbering its rows from 0.
import { readFileSync } from 'node:fs';
import { arrowColumn, canonical, polarsColumn, polarsLiteral, requireNpm, sqlLiteral } from './common.mjs';

const { DuckDBInstance } = requireNpm('@duckdb/node-api');
const pl = requireNpm('nodejs-polars');
const parquetWasm = requireNpm('parquet-wasm');
const arrow = requireNpm('apache-arrow');

const quote = (name) => `"${name}"`;

function duckExpr({ name, type }) {
  const c = quote(name);
  switch (type) {
    case 'boolean': return `CASE WHEN ${c} THEN 'true' WHEN NOT ${c} THEN 'false' END`;
    case 'date': return `CAST(${c} - DATE '1970-01-01' AS VARCHAR)`;
    case 'timestamp': return `CAST(epoch_us(${c}) AS VARCHAR)`;
    case 'double': return c;
    default: return `CAST(${c} AS VARCHAR)`;
  }
}

async function readDuck(conn, file) {
  const exprs = file.columns.map(duckExpr).join(', ');
  const reader = await conn.runAndReadAll(`SELECT ${exprs} FROM read_parquet('${file.path}') ORDER BY row_id`);
  const rows = reader.getRows();
  const out = {};
  file.columns.forEach(({ name, type }, i) => { out[name] = rows.map((r) => canonical(type, r[i])); });
  return out;
}

function readPolars(file) {
  const df = pl.readParquet(file.path);
  const out = {};
  for (const { name, type } of file.columns) out[name] = polarsColumn(pl, df, name, type);
  return out;
}

function readWasm(file) {
  const table = arrow.tableFromIPC(parquetWasm.readParquet(new Uint8Array(readFileSync(file.path))).intoIPCStream());
  const out = {};
  for (const { name, type } of file.columns) out[name] = arrowColumn(arrow, table.getChild(name), type);
  return out;
}

async function duckFilter(conn, file, f) {
  const sql = `SELECT CAST(row_id AS VARCHAR) FROM read_parquet('${file.path}') WHERE ${quote(f.column)} ` +
              `BETWEEN ${sqlLiteral(f.type, f.lower)} AND ${sqlLiteral(f.type, f.upper)} ORDER BY row_id`;
  return (await conn.runAndReadAll(sql)).getRows().map((r) => r[0]);
}

function polarsFilter(file, f) {
  const c = pl.col(f.column);
  const predicate = c.gtEq(polarsLiteral(pl, f.type, f.lower)).and(c.ltEq(polarsLiteral(pl, f.type, f.upper)));
  const df = pl.scanParquet(file.path).filter(predicate).select(pl.col('row_id').cast(pl.Utf8)).collectSync();
  return df.getColumn('row_id').toArray().sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
}

function compareValues(failures, reader, file, got) {
  for (const { name } of file.columns) {
    const want = file.values[name];
    const have = got[name] || [];
    if (have.length !== want.length) {
      failures.push(`${reader}: ${file.path}: column ${name}: ${have.length} rows, expected ${want.length}`);
      continue;
    }
    let reported = 0;
    for (let i = 0; i < want.length && reported < 3; i++) {
      if (have[i] !== want[i]) {
        failures.push(`${reader}: ${file.path}: column ${name} row ${i}: got ${JSON.stringify(have[i])}, expected ${JSON.stringify(want[i])}`);
        reported++;
      }
    }
  }
}

function compareRows(failures, reader, file, f, got) {
  if (JSON.stringify(got) !== JSON.stringify(f.row_ids)) {
    failures.push(`${reader}: ${file.path}: filter ${f.column} in [${f.lower}, ${f.upper}]: ${got.length} rows, ` +
                  `expected ${f.row_ids.length} (first got ${got.slice(0, 5)}, first expected ${f.row_ids.slice(0, 5)})`);
  }
}

const manifest = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const conn = await (await DuckDBInstance.create(':memory:')).connect();
await conn.run("SET autoinstall_known_extensions=false; SET TimeZone='UTC'");
const failures = [];
let values = 0, filters = 0;
for (const file of manifest.files) {
  const readers = [['duckdb', () => readDuck(conn, file)], ['polars', () => readPolars(file)], ['parquet-wasm', () => readWasm(file)]];
  for (const [name, read] of readers) {
    try {
      compareValues(failures, name, file, await read());
      values += file.columns.length * (file.values.row_id?.length ?? 0);
    } catch (e) {
      failures.push(`${name}: ${file.path}: ${String(e).slice(0, 500)}`);
    }
  }
  for (const f of file.filters || []) {
    try {
      compareRows(failures, 'duckdb', file, f, await duckFilter(conn, file, f));
      compareRows(failures, 'polars', file, f, polarsFilter(file, f));
      filters += 2;
    } catch (e) {
      failures.push(`filter ${f.column}: ${file.path}: ${String(e).slice(0, 500)}`);
    }
  }
}
console.log(JSON.stringify({ files: manifest.files.length, values_compared: values, filters_run: filters, failures }, null, 1));
process.exit(failures.length ? 1 : 0);
