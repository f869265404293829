// Reads [[address, amount-decimal-string], ...] on stdin and prints @openzeppelin/merkle-tree's
// StandardMerkleTree for ["address", "uint256"] leaves: {root, dump}. Used by the tests as the reference.
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';

let text = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { text += chunk; });
process.stdin.on('end', () => {
  const values = JSON.parse(text);
  const tree = StandardMerkleTree.of(values, ['address', 'uint256']);
  process.stdout.write(JSON.stringify({ root: tree.root, dump: tree.dump() }));
});
