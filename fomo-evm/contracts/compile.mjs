// Compiles ../src/*.sol with solc-js through its standard-JSON interface and writes one
// {contractName, abi, bytecode} JSON per contract into OUT_DIR, plus the unmodified Uniswap v2 core
// factory and pair from @uniswap/v2-core's build/.   node compile.mjs SRC_DIR OUT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const solc = require('solc');
const [srcDir, outDir] = process.argv.slice(2);
const EVM_VERSION = 'cancun';
const SOLC_VERSION = '0.8.28';
if (!solc.version().startsWith(SOLC_VERSION)) {
  throw new Error(`solc ${solc.version()} is not the pinned ${SOLC_VERSION}`);
}

const sources = {};
for (const f of fs.readdirSync(srcDir).filter((f) => f.endsWith('.sol')).sort()) {
  sources[f] = { content: fs.readFileSync(path.join(srcDir, f), 'utf8') };
}
const input = {
  language: 'Solidity',
  sources,
  settings: {
    evmVersion: EVM_VERSION,
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};
function findImports(p) {
  try {
    return { contents: fs.readFileSync(require.resolve(p), 'utf8') };
  } catch (e) {
    return { error: `not found: ${p}` };
  }
}
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors || []).filter((e) => e.severity === 'error');
for (const e of output.errors || []) {
  console.error(e.formattedMessage);
}
if (errors.length > 0) {
  process.exit(1);
}
fs.mkdirSync(outDir, { recursive: true });
let n = 0;
for (const [file, contracts] of Object.entries(output.contracts)) {
  if (!sources[file]) {
    continue; // libraries' own contracts: only ours are deployed
  }
  for (const [name, c] of Object.entries(contracts)) {
    const bytecode = c.evm.bytecode.object;
    fs.writeFileSync(path.join(outDir, `${name}.json`),
      JSON.stringify({ contractName: name, abi: c.abi, bytecode: bytecode ? '0x' + bytecode : '0x' }, null, 1));
    n++;
  }
}
for (const name of ['UniswapV2Factory', 'UniswapV2Pair']) {
  const j = require(`@uniswap/v2-core/build/${name}.json`);
  fs.writeFileSync(path.join(outDir, `${name}.json`),
    JSON.stringify({ contractName: name, abi: j.abi, bytecode: '0x' + j.evm.bytecode.object }, null, 1));
  n++;
}
console.log(`fomo-evm: solc ${solc.version()} (evmVersion ${EVM_VERSION}) wrote ${n} contracts to ${outDir}`);
