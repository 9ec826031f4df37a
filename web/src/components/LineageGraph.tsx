// A hand-written layered layout of one product's lineage: upstream inputs in columns to the
// left (by distance), downstream products to the right, the product itself in the middle.
// Downstream nodes are highlighted as the impact of a change. Each node is a link, so the graph
// is usable with a keyboard; the same nodes are also listed as text beside it.
import { memo, type MouseEvent } from 'react';
import { navigate } from '../router';
import type { LineageNode } from '../types';
import { ScrollRegion } from './ScrollRegion';

const NODE_WIDTH = 190;
const NODE_HEIGHT = 30;
const COLUMN_GAP = 60;
const ROW_GAP = 12;
const MARGIN = 10;

interface Placed {
  name: string;
  kind: 'center' | 'upstream' | 'downstream' | 'source';
  column: number;
  row: number;
  x: number;
  y: number;
}

interface Layout {
  nodes: Placed[];
  edges: Array<[Placed, Placed]>; // from upstream to downstream
  width: number;
  height: number;
}

// Columns by signed depth; within a column, nodes ordered by their parent's row (barycentre of
// one parent: the previous node on the shortest path), then by name, so paths cross little.
export function layoutLineage(center: string, upstream: LineageNode[], downstream: LineageNode[]): Layout {
  const placed = new Map<string, Placed>();
  const columns = new Map<number, Placed[]>();
  const add = (name: string, kind: Placed['kind'], column: number) => {
    const node: Placed = { name, kind, column, row: 0, x: 0, y: 0 };
    placed.set(name + '@' + column, node);
    if (!columns.has(column)) columns.set(column, []);
    columns.get(column)!.push(node);
    return node;
  };
  add(center, 'center', 0);
  const parentOf = new Map<Placed, Placed>();
  const place = (nodes: LineageNode[], sign: number) => {
    const sorted = [...nodes].sort((a, b) => a.depth - b.depth || a.name.localeCompare(b.name));
    for (const node of sorted) {
      const column = sign * node.depth;
      const kind = node.kind === 'source' ? 'source' : sign < 0 ? 'upstream' : 'downstream';
      const child = add(node.name, kind, column);
      const parentName = node.path[node.path.length - 2] ?? center;
      const parent = placed.get(parentName + '@' + (column - sign));
      if (parent) parentOf.set(child, parent);
    }
  };
  place(upstream, -1);
  place(downstream, 1);

  const keys = [...columns.keys()].sort((a, b) => Math.abs(a) - Math.abs(b));
  for (const key of keys) {
    const nodes = columns.get(key)!;
    nodes.sort((a, b) => {
      const pa = parentOf.get(a)?.row ?? 0;
      const pb = parentOf.get(b)?.row ?? 0;
      return pa - pb || a.name.localeCompare(b.name);
    });
    nodes.forEach((node, index) => (node.row = index));
  }
  const minColumn = Math.min(...keys);
  const maxColumn = Math.max(...keys);
  const tallest = Math.max(...[...columns.values()].map((nodes) => nodes.length));
  const height = MARGIN * 2 + tallest * (NODE_HEIGHT + ROW_GAP) - ROW_GAP;
  for (const nodes of columns.values()) {
    const columnHeight = nodes.length * (NODE_HEIGHT + ROW_GAP) - ROW_GAP;
    const top = (height - columnHeight) / 2;
    for (const node of nodes) {
      node.x = MARGIN + (node.column - minColumn) * (NODE_WIDTH + COLUMN_GAP);
      node.y = top + node.row * (NODE_HEIGHT + ROW_GAP);
    }
  }
  const edges: Array<[Placed, Placed]> = [];
  for (const [child, parent] of parentOf) {
    edges.push(child.column < 0 ? [child, parent] : [parent, child]);
  }
  const width = MARGIN * 2 + (maxColumn - minColumn + 1) * (NODE_WIDTH + COLUMN_GAP) - COLUMN_GAP;
  return { nodes: [...placed.values()], edges, width, height };
}

function label(name: string): string {
  return name.length > 26 ? name.slice(0, 25) + '…' : name;
}

interface Props {
  center: string;
  upstream: LineageNode[];
  downstream: LineageNode[];
}

export const LineageGraph = memo(function LineageGraph({ center, upstream, downstream }: Props) {
  const layout = layoutLineage(center, upstream, downstream);
  const open = (event: MouseEvent, name: string) => {
    event.preventDefault();
    navigate('/products/' + encodeURIComponent(name));
  };
  return (
    <ScrollRegion className="lineage-scroll" label="Lineage graph">
      <svg
        className="lineage"
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="group"
        aria-label={`Lineage of ${center}: ${upstream.length} upstream, ${downstream.length} downstream (impacted)`}
        data-testid="lineage-graph"
      >
        <g className="edges" aria-hidden="true">
          {layout.edges.map(([from, to]) => {
            const x1 = from.x + NODE_WIDTH;
            const y1 = from.y + NODE_HEIGHT / 2;
            const x2 = to.x;
            const y2 = to.y + NODE_HEIGHT / 2;
            const bend = (x2 - x1) / 2;
            return (
              <path
                key={from.name + '>' + to.name + to.column}
                className={to.kind === 'downstream' ? 'edge impact' : 'edge'}
                d={`M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`}
              />
            );
          })}
        </g>
        {layout.nodes.map((node) => {
          const box = (
            <>
              <rect x={node.x} y={node.y} width={NODE_WIDTH} height={NODE_HEIGHT} rx={5} />
              <text x={node.x + 8} y={node.y + NODE_HEIGHT / 2 + 4}>
                <title>{node.name}</title>
                {label(node.name)}
              </text>
            </>
          );
          const className = 'node node-' + node.kind;
          if (node.kind === 'center' || node.kind === 'source') {
            return (
              <g key={node.name + node.column} className={className}>
                {box}
              </g>
            );
          }
          return (
            <a
              key={node.name + node.column}
              className={className}
              href={'/products/' + encodeURIComponent(node.name)}
              onClick={(event) => open(event, node.name)}
              aria-label={`${node.name} (${node.kind === 'downstream' ? 'downstream, impacted' : 'upstream'})`}
            >
              {box}
            </a>
          );
        })}
      </svg>
    </ScrollRegion>
  );
});
