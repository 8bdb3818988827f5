import type { KeyboardEvent } from 'react';
import type { PositionedNode } from './layoutEntityGraph';

/** Props of {@link GraphNodeView}. */
export interface GraphNodeViewProps {
  node: PositionedNode;
  onOpen(node: PositionedNode): void;
  onExpand(node: PositionedNode): void;
  onFocus(node: PositionedNode): void;
}

const activates = (event: KeyboardEvent) => event.key === 'Enter' || event.key === ' ';

/**
 * One entity box: a link to its page (click or Enter) and, until its
 * neighbours are drawn, a "+" button beside it that draws them.
 */
export function GraphNodeView({ node, onOpen, onExpand, onFocus }: GraphNodeViewProps) {
  const kindLine = node.type ? `${node.kind} · ${node.type}` : node.kind;
  const name = node.title ?? node.name;
  return (
    <g transform={`translate(${node.x},${node.y})`} className="catalog-graph__node-group">
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be an <a> with the router's navigation and keep its drawing */}
      <g
        role="link"
        tabIndex={0}
        aria-label={`${name} (${node.kind}${node.type ? `, ${node.type}` : ''})`}
        data-ref={node.ref}
        className={`catalog-graph__node${node.isRoot ? ' catalog-graph__node--root' : ''}`}
        onClick={() => onOpen(node)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            onOpen(node);
          }
        }}
        onFocus={() => onFocus(node)}
      >
        <title>{`${node.ref}${node.title ? ` — ${node.title}` : ''}`}</title>
        <rect width={node.width} height={node.height} rx={6} />
        <text x={10} y={16} className="catalog-graph__kind">
          {kindLine.length > 30 ? `${kindLine.slice(0, 29)}…` : kindLine}
        </text>
        <text x={10} y={34} className="catalog-graph__label">
          {node.label}
        </text>
      </g>
      {node.expanded ? null : (
        // biome-ignore lint/a11y/useSemanticElements: an HTML button cannot sit inside SVG
        <g
          role="button"
          tabIndex={0}
          aria-label={`Show the relations of ${name}`}
          className="catalog-graph__expand"
          transform={`translate(${node.width},${node.height / 2})`}
          onClick={() => onExpand(node)}
          onKeyDown={(event) => {
            if (activates(event)) {
              event.preventDefault();
              onExpand(node);
            }
          }}
          onFocus={() => onFocus(node)}
        >
          <title>Show relations</title>
          <circle r={9} />
          <path d="M-4,0 H4 M0,-4 V4" />
        </g>
      )}
    </g>
  );
}
