// Writes Parquet files with DuckDB, Polars and parquet-wasm (arrow-rs) in their default settings
// and in the variants that exercise the rest of the reader (data page v2, DELTA_* and
// BYTE_STREAM_SPLIT encodings, every codec we support, small pages and row groups, FLOAT,
// small and unsigned integers, naive, millisecond and nanosecond timestamps), plus
// OUT_DIR/expected.json with the canonical values (common.mjs) each file must read back as.
//   node write_theirs.mjs OUT_DIR
// expected.json: {"files": [{"path", "writer", "columns": [{"name", "type"}], "values": {name: [...]}}]}
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { arrowColumn, canonical, floorDiv, polarsColumn, requireNpm } from './common.mjs';

const { DuckDBInstance } = requireNpm('@duckdb/node-api');
const pl = requireNpm('nodejs-polars');
const parquetWasm = requireNpm('parquet-wasm');
const arrow = requireNpm('apache-arrow');

const outDir = process.argv[2];
mkdirSync(outDir, { recursive: true });
const files = [];
const ROWS = 5000;

// ---------------------------------------------------------------------------------------------
// DuckDB: the table is generated in SQL; the expectations are read from the in-memory table.

const DUCK_COLUMNS = [
  ['row_id', 'int64', 'i::BIGINT'],
  ['b', 'boolean', 'CASE WHEN i % 11 = 0 THEN NULL ELSE i % 3 = 0 END'],
  ['i32', 'int32', `CASE WHEN i % 13 = 0 THEN NULL WHEN i % 97 = 1 THEN 2147483647 WHEN i % 97 = 2 THEN -2147483648
                    ELSE (hash(i) % 2000000)::INTEGER - 1000000 END`],
  ['i64', 'int64', `CASE WHEN i % 17 = 0 THEN NULL WHEN i % 101 = 1 THEN 9223372036854775807
                    WHEN i % 101 = 2 THEN -9223372036854775808 ELSE (hash(i * 7)::HUGEINT - 9223372036854775808)::BIGINT END`],
  ['f64', 'double', `CASE WHEN i % 19 = 0 THEN NULL WHEN i % 50 = 1 THEN 'NaN'::DOUBLE WHEN i % 50 = 2 THEN '-0.0'::DOUBLE
                     WHEN i % 50 = 3 THEN 'inf'::DOUBLE WHEN i % 50 = 4 THEN '-inf'::DOUBLE
                     ELSE (hash(i * 3) % 1000000)::DOUBLE / 7.0 - 50000 END`],
  ['s', 'string', `CASE WHEN i % 23 = 0 THEN NULL WHEN i % 40 = 1 THEN '' WHEN i % 40 = 2 THEN repeat('é', 100) || (i % 3)::VARCHAR
                   ELSE 'artist ' || (i % 37)::VARCHAR || CASE WHEN i % 5 = 0 THEN ' 🎵' ELSE '' END END`],
  ['d', 'date', `CASE WHEN i % 29 = 0 THEN NULL ELSE DATE '1970-01-01' + ((hash(i * 5) % 60000)::INTEGER - 20000) END`],
  ['ts', 'timestamp', `CASE WHEN i % 31 = 0 THEN NULL
                       ELSE make_timestamp((hash(i * 11) % 4000000000000000)::BIGINT - 1000000000000000)::TIMESTAMPTZ END`],
  ['f32', 'double', `CASE WHEN i % 7 = 0 THEN NULL WHEN i % 60 = 1 THEN 'NaN'::FLOAT ELSE ((hash(i * 13) % 100000)::FLOAT / 3.0)::FLOAT END`],
  ['i16', 'int32', 'CASE WHEN i % 9 = 0 THEN NULL ELSE ((hash(i * 17) % 65536)::INTEGER - 32768)::SMALLINT END'],
  ['u32', 'int64', 'CASE WHEN i % 8 = 0 THEN NULL ELSE (hash(i * 19) % 4294967296)::UINTEGER END'],
  ['ts_naive', 'timestamp', `make_timestamp((hash(i * 23) % 4000000000000000)::BIGINT - 1000000000000000)`],
  // DuckDB stores TIMESTAMP_NS as microseconds (truncating; positive values, so also flooring).
  ['ts_ns', 'timestamp', 'CASE WHEN i % 6 = 0 THEN NULL ELSE make_timestamp_ns((hash(i * 29) % 4000000000000000000)::BIGINT) END'],
];

function duckCanonicalExpr(name, type) {
  const c = `"${name}"`;
  if (name === 'ts_ns') return `CAST((epoch_ns(${c}) - ((epoch_ns(${c}) % 1000) + 1000) % 1000) // 1000 AS VARCHAR)`;
  switch (type) {
    case 'boolean': return `CASE WHEN ${c} THEN 'true' WHEN NOT ${c} THEN 'false' END`;
    case 'date': return `CAST(${c} - DATE '1970-01-01' AS VARCHAR)`;
    case 'timestamp': return `CAST(epoch_us(${c}) AS VARCHAR)`;
    case 'double': return `${c}::DOUBLE`;
    default: return `CAST(${c} AS VARCHAR)`;
  }
}

async function writeDuckFiles() {
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  await conn.run("SET autoinstall_known_extensions=false; SET TimeZone='UTC'");
  const select = DUCK_COLUMNS.map(([name, , expr]) => `${expr} AS "${name}"`).join(',\n');
  await conn.run(`CREATE TABLE t AS SELECT ${select} FROM range(${ROWS}) r(i)`);
  const exprs = DUCK_COLUMNS.map(([name, type]) => duckCanonicalExpr(name, type)).join(', ');
  const rows = (await conn.runAndReadAll(`SELECT ${exprs} FROM t ORDER BY row_id`)).getRows();
  const columns = DUCK_COLUMNS.map(([name, type]) => ({ name, type }));
  const values = {};
  columns.forEach(({ name, type }, i) => { values[name] = rows.map((r) => canonical(type, r[i])); });
  const variants = {
    'duckdb_default.parquet': '',
    'duckdb_zstd_small_groups.parquet': ', COMPRESSION zstd, ROW_GROUP_SIZE 1000',
    'duckdb_v2_uncompressed.parquet': ', COMPRESSION uncompressed, PARQUET_VERSION v2',
    'duckdb_v2_zstd.parquet': ', COMPRESSION zstd, PARQUET_VERSION v2, ROW_GROUP_SIZE 2000',
    'duckdb_gzip.parquet': ', COMPRESSION gzip',
  };
  for (const [file, options] of Object.entries(variants)) {
    const p = path.join(outDir, file);
    await conn.run(`COPY (SELECT * FROM t ORDER BY row_id) TO '${p}' (FORMAT parquet${options})`);
    files.push({ path: p, writer: 'duckdb', columns, values });
  }
}

// ---------------------------------------------------------------------------------------------
// Polars and parquet-wasm share one deterministic JS data set.

function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function jsData() {
  const r = rng(42);
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo));
  const big = () => (BigInt(int(0, 2 ** 32)) << 32n) | BigInt(int(0, 2 ** 32));
  const pool = ['Taylor Swift', 'Beyoncé', '坂本龍一', 'Sigur Rós', '🎵 mix', '', 'x'.repeat(90) + 'end', 'x'.repeat(90) + 'fin'];
  const d = { row_id: [], b: [], i32: [], i64: [], f64: [], s: [], d: [], ts: [], f32: [], u32: [], ts_ms: [], ts_ns: [] };
  for (let i = 0; i < ROWS; i++) {
    d.row_id.push(BigInt(i));
    d.b.push(i % 11 === 0 ? null : r() < 0.5);
    d.i32.push(i % 13 === 0 ? null : i % 97 === 1 ? 2147483647 : i % 97 === 2 ? -2147483648 : int(-1e6, 1e6));
    d.i64.push(i % 17 === 0 ? null : BigInt.asIntN(64, big()));
    d.f64.push(i % 19 === 0 ? null : [NaN, -0, Infinity, -Infinity, 5e-324][i % 60] ?? (r() - 0.5) * 10 ** int(-5, 20));
    d.s.push(i % 23 === 0 ? null : i % 3 === 0 ? `track ${int(0, 100000)}` : pool[int(0, pool.length)]);
    d.d.push(i % 29 === 0 ? null : int(-25000, 47000));
    d.ts.push(i % 31 === 0 ? null : BigInt(int(-2e9, 4e9)) * 1000000n + BigInt(int(0, 1e6)));
    d.f32.push(i % 7 === 0 ? null : Math.fround((r() - 0.5) * 1e6));
    d.u32.push(i % 8 === 0 ? null : int(0, 2 ** 32));
    d.ts_ms.push(i % 5 === 0 ? null : BigInt(int(-2e9, 4e9)) * 1000n + BigInt(int(0, 1000)));
    d.ts_ns.push(i % 6 === 0 ? null : BigInt(int(-2e9, 4e9)) * 1000000000n + BigInt(int(0, 1e9)));
  }
  return d;
}

const JS_TYPES = { row_id: 'int64', b: 'boolean', i32: 'int32', i64: 'int64', f64: 'double', s: 'string', d: 'date',
                   ts: 'timestamp', f32: 'double', u32: 'int64', ts_ms: 'timestamp', ts_ns: 'timestamp' };

function jsExpected(d) {
  const values = {};
  for (const [name, type] of Object.entries(JS_TYPES)) {
    values[name] = d[name].map((v) => {
      if (v === null) return null;
      if (name === 'ts_ms') return (v * 1000n).toString();
      if (name === 'ts_ns') return floorDiv(v, 1000n).toString();
      return canonical(type, v);
    });
  }
  return values;
}

function polarsFrame(d) {
  const str = (a) => a.map((v) => (v === null ? null : v.toString()));
  return pl.DataFrame([
    pl.Series('row_id', str(d.row_id)).cast(pl.Int64),
    pl.Series('b', d.b, pl.Bool),
    pl.Series('i32', d.i32, pl.Int32),
    pl.Series('i64', str(d.i64)).cast(pl.Int64),
    pl.Series('f64', d.f64, pl.Float64),
    pl.Series('s', d.s, pl.Utf8),
    pl.Series('d', d.d, pl.Int32).cast(pl.Date),
    pl.Series('ts', str(d.ts)).cast(pl.Int64).cast(pl.Datetime('us', 'UTC')),
    pl.Series('f32', d.f32, pl.Float32),
    pl.Series('u32', d.u32, pl.UInt32),
    pl.Series('ts_ms', str(d.ts_ms)).cast(pl.Int64).cast(pl.Datetime('ms')),
    pl.Series('ts_ns', str(d.ts_ns)).cast(pl.Int64).cast(pl.Datetime('ns', 'UTC')),
  ]);
}

function writePolarsFiles(d) {
  const df = polarsFrame(d);
  const columns = Object.entries(JS_TYPES).map(([name, type]) => ({ name, type }));
  const values = {};
  for (const { name, type } of columns) values[name] = polarsColumn(pl, df, name, type);
  const expected = jsExpected(d);  // the frame must hold exactly the JS data
  for (const { name } of columns) {
    if (JSON.stringify(values[name]) !== JSON.stringify(expected[name])) throw new Error(`polars frame column ${name} differs from the data`);
  }
  for (const compression of ['zstd', 'snappy', 'gzip', 'uncompressed']) {
    const p = path.join(outDir, `polars_${compression}.parquet`);
    df.writeParquet(p, { compression });
    files.push({ path: p, writer: 'polars', columns, values });
  }
}

function arrowFixed(type, TypedArray, values) {
  const valid = values.map((v) => v !== null);
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  valid.forEach((ok, i) => { if (ok) bitmap[i >> 3] |= 1 << (i & 7); });
  const data = new TypedArray(values.map((v) => (v === null ? (TypedArray === BigInt64Array ? 0n : 0) : v)));
  return arrow.makeVector(arrow.makeData({ type, length: values.length, nullCount: valid.filter((x) => !x).length,
                                           nullBitmap: bitmap, data }));
}

function wasmTable(d) {
  const table = new arrow.Table({
    row_id: arrowFixed(new arrow.Int64(), BigInt64Array, d.row_id),
    b: arrow.vectorFromArray(d.b, new arrow.Bool()),
    i32: arrowFixed(new arrow.Int32(), Int32Array, d.i32),
    i64: arrowFixed(new arrow.Int64(), BigInt64Array, d.i64),
    f64: arrowFixed(new arrow.Float64(), Float64Array, d.f64),
    s: arrow.vectorFromArray(d.s, new arrow.Utf8()),
    d: arrowFixed(new arrow.DateDay(), Int32Array, d.d),
    ts: arrowFixed(new arrow.TimestampMicrosecond('UTC'), BigInt64Array, d.ts),
    f32: arrowFixed(new arrow.Float32(), Float32Array, d.f32),
    u32: arrowFixed(new arrow.Uint32(), Uint32Array, d.u32),
    ts_ms: arrowFixed(new arrow.TimestampMillisecond(), BigInt64Array, d.ts_ms),
    ts_ns: arrowFixed(new arrow.TimestampNanosecond('UTC'), BigInt64Array, d.ts_ns),
  });
  return parquetWasm.Table.fromIPCStream(arrow.tableToIPC(table, 'stream'));
}

function writeWasmFiles(d) {
  const { Compression, Encoding, WriterVersion, WriterPropertiesBuilder } = parquetWasm;
  const columns = Object.entries(JS_TYPES).map(([name, type]) => ({ name, type }));
  const values = jsExpected(d);
  const table = arrow.tableFromIPC(wasmTable(d).intoIPCStream());
  for (const { name, type } of columns) {
    if (JSON.stringify(arrowColumn(arrow, table.getChild(name), type)) !== JSON.stringify(values[name])) {
      throw new Error(`arrow table column ${name} differs from the data`);
    }
  }
  const delta = (b) => b.setWriterVersion(WriterVersion.V2).setDictionaryEnabled(false)
    .setColumnEncoding('row_id', Encoding.DELTA_BINARY_PACKED).setColumnEncoding('i32', Encoding.DELTA_BINARY_PACKED)
    .setColumnEncoding('i64', Encoding.DELTA_BINARY_PACKED).setColumnEncoding('d', Encoding.DELTA_BINARY_PACKED)
    .setColumnEncoding('ts', Encoding.DELTA_BINARY_PACKED).setColumnEncoding('u32', Encoding.DELTA_BINARY_PACKED)
    .setColumnEncoding('ts_ms', Encoding.DELTA_BINARY_PACKED).setColumnEncoding('ts_ns', Encoding.DELTA_BINARY_PACKED)
    .setColumnEncoding('f64', Encoding.BYTE_STREAM_SPLIT).setColumnEncoding('f32', Encoding.BYTE_STREAM_SPLIT)
    .setColumnEncoding('b', Encoding.RLE);
  const variants = {
    'wasm_default.parquet': (b) => b,
    'wasm_v2_delta_byte_array_zstd.parquet': (b) => delta(b).setCompression(Compression.ZSTD)
      .setColumnEncoding('s', Encoding.DELTA_BYTE_ARRAY),
    'wasm_v2_delta_length_snappy_small_pages.parquet': (b) => delta(b).setCompression(Compression.SNAPPY)
      .setColumnEncoding('s', Encoding.DELTA_LENGTH_BYTE_ARRAY).setDataPageSizeLimit(1024).setMaxRowGroupSize(1200),
    'wasm_v2_dictionary_gzip.parquet': (b) => b.setWriterVersion(WriterVersion.V2).setCompression(Compression.GZIP)
      .setDictionaryPageSizeLimit(512).setDataPageSizeLimit(2048),
    'wasm_v1_plain_snappy.parquet': (b) => b.setDictionaryEnabled(false).setCompression(Compression.SNAPPY)
      .setMaxRowGroupSize(700),
  };
  for (const [file, configure] of Object.entries(variants)) {
    const p = path.join(outDir, file);
    const props = configure(new WriterPropertiesBuilder()).build();
    writeFileSync(p, parquetWasm.writeParquet(wasmTable(d), props));
    files.push({ path: p, writer: 'parquet-wasm', columns, values });
  }
}

await writeDuckFiles();
const data = jsData();
writePolarsFiles(data);
writeWasmFiles(data);
writeFileSync(path.join(outDir, 'expected.json'), JSON.stringify({ files }));
console.log(JSON.stringify({ files: files.map((f) => path.basename(f.path)) }));
