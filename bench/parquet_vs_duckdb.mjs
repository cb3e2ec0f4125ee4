// DuckDB's side of bench/parquet_vs_duckdb.sh: loads the CSV that parquet_bench wrote (not
// timed), then times `COPY … TO parquet` with the same codec and prints both results.
//   node parquet_vs_duckdb.mjs ROWS.csv OUT.parquet CODEC OURS.json
import { readFileSync, statSync } from 'node:fs';
import { requireNpm } from '../tests/parquet_interop/common.mjs';

const { DuckDBInstance } = requireNpm('@duckdb/node-api');
const [csv, out, codec, oursJson] = process.argv.slice(2);
const ours = JSON.parse(readFileSync(oursJson, 'utf8'));

const types = {
  event_id: 'VARCHAR', ended_at: 'TIMESTAMPTZ', started_at: 'TIMESTAMPTZ', ms_played: 'BIGINT',
  ms_played_estimated: 'BOOLEAN', track_id: 'VARCHAR', track_name: 'VARCHAR', artist_id: 'VARCHAR',
  artist_name: 'VARCHAR', album_id: 'VARCHAR', album_name: 'VARCHAR', context_type: 'VARCHAR', context_uri: 'VARCHAR',
  platform: 'VARCHAR', platform_raw: 'VARCHAR', conn_country: 'VARCHAR', reason_start: 'VARCHAR', reason_end: 'VARCHAR',
  shuffle: 'BOOLEAN', skipped: 'BOOLEAN', is_skip: 'BOOLEAN', offline: 'BOOLEAN', offline_at: 'TIMESTAMPTZ',
  incognito_mode: 'BOOLEAN', source: 'VARCHAR', bronze_file: 'VARCHAR',
};
const columns = Object.entries(types).map(([k, v]) => `'${k}': '${v}'`).join(', ');
const conn = await (await DuckDBInstance.create(':memory:')).connect();
await conn.run("SET autoinstall_known_extensions=false; SET TimeZone='UTC'");
await conn.run(`CREATE TABLE t AS SELECT * FROM read_csv('${csv}', header=true, allow_quoted_nulls=false, columns={${columns}})`);
const threads = (await conn.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0];
const duckCodec = codec === 'none' ? 'uncompressed' : codec;
const start = process.hrtime.bigint();
await conn.run(`COPY t TO '${out}' (FORMAT parquet, COMPRESSION ${duckCodec})`);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const bytes = statSync(out).size;
const pct = (a, b) => `${((a / b - 1) * 100).toFixed(1)}%`;
console.log(`rows ${ours.rows}, ${ours.columns} columns, codec ${codec}, DuckDB threads ${threads}`);
console.log(`            write s    file bytes`);
console.log(`unwrapped   ${ours.write_seconds.toFixed(3).padStart(7)}  ${String(ours.file_bytes).padStart(12)}`);
console.log(`duckdb      ${seconds.toFixed(3).padStart(7)}  ${String(bytes).padStart(12)}`);
console.log(`unwrapped vs duckdb: time ${pct(ours.write_seconds, seconds)}, size ${pct(ours.file_bytes, bytes)}`);
console.log(JSON.stringify({ unwrapped: ours, duckdb: { write_seconds: seconds, file_bytes: bytes, threads: Number(threads) } }));
