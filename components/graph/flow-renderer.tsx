"use client";

import "@xyflow/react/dist/style.css";
import { BaseEdge, EdgeLabelRenderer, getViewportForBounds, Handle, Position, ReactFlow, ReactFlowProvider, useReactFlow, type Edge, type EdgeProps, type Node, type NodeHandle, type NodeProps } from "@xyflow/react";
import { memo, useEffect, useMemo, useRef } from "react";
import { COLUMN_HEADING_OFFSET, edgePath, openingCamera, viewBounds } from "@/lib/graph/geometry";
import { NODE_HEIGHT, NODE_WIDTH } from "@/lib/graph/layout";
import { edgeLook } from "@/lib/graph/palette";
import type { ViewEdge, ViewItem } from "@/lib/graph/view";
import { afterPaint, type RendererProps } from "./renderer";

type ItemData = { item: ViewItem; selected: boolean; showCycle: boolean; showCritical: boolean };
type EdgeData = { edge: ViewEdge; d: string; stroke: string; width: number; dash: string; label: string | null; labelX: number; labelY: number };

const hidden = { opacity: 0, pointerEvents: "none" } as const;

/** A service or group: colour stripe, name, badge (the second channel) and the cycle/critical marks. */
const ItemNode = memo(function ItemNode({ data }: NodeProps<Node<ItemData>>) {
  const { item, selected, showCycle, showCritical } = data;
  const ring = showCycle && item.isCycle ? "outline-2 outline-dashed outline-violet-600" : showCritical && item.isCritical ? "outline-[3px] outline-slate-900" : "";
  return (
    <div
      className={`flex items-center gap-1 overflow-hidden border bg-white text-xs text-slate-900 ${item.type === "group" ? "rounded-xl border-slate-500 font-semibold" : "rounded border-slate-300"} ${ring} ${selected ? "ring-4 ring-brand-500" : ""} ${item.distance === 0 ? "bg-amber-50" : ""}`}
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
      title={item.label}
    >
      <Handle type="target" position={Position.Left} style={hidden} isConnectable={false} />
      <span aria-hidden="true" className="h-full w-2 shrink-0" style={{ background: item.colour }} />
      <span className="min-w-0 flex-1 truncate">{item.label}</span>
      <span className="shrink-0 pr-1 text-[10px] text-slate-700">
        {item.isCycle && showCycle ? "↻" : ""}
        {item.isCritical && showCritical ? "★" : ""}
        {item.badge}
      </span>
      <Handle type="source" position={Position.Right} style={hidden} isConnectable={false} />
    </div>
  );
});

/**
 * The same curve as the SVG export, from the layout's own positions. The count is an HTML
 * label (React Flow's EdgeLabelRenderer), not BaseEdge's SVG label: that one measures its text
 * after mounting and renders again, which for the ~400 bundles of a grouped estate was a
 * half-second task. Edges are not interactive, so no wide invisible path for the pointer.
 */
function ItemEdge({ data, markerEnd }: EdgeProps<Edge<EdgeData>>) {
  if (!data) return null;
  return (
    <>
      <BaseEdge path={data.d} markerEnd={markerEnd} interactionWidth={0} style={{ stroke: data.stroke, strokeWidth: data.width, strokeDasharray: data.dash }} />
      {data.label ? (
        <EdgeLabelRenderer>
          <div className="pointer-events-none absolute rounded-sm bg-white px-0.5 text-[10px] leading-tight text-slate-700" style={{ transform: `translate(-50%, -50%) translate(${data.labelX}px, ${data.labelY}px)` }}>
            {data.label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

/** A column's heading ("Wave 2", "Unplanned · plan says wave 3"): drawn, not selectable. */
function HeadingNode({ data }: NodeProps<Node<{ label: string }>>) {
  return <div className="whitespace-nowrap text-sm font-semibold text-slate-700">{data.label}</div>;
}

const nodeTypes = { item: ItemNode, heading: HeadingNode };

const MIN_ZOOM = 0.05;
const MAX_ZOOM = 2;
/**
 * An item's two handles, where ItemNode draws them. Given with the node's size, they let React
 * Flow draw the edges in the same commit as the nodes, instead of after measuring every node's
 * handles in the DOM a frame or more later (its SSR path: size and handles known up front).
 */
const itemHandles = (): NodeHandle[] => [
  { type: "target", position: Position.Left, x: 0, y: NODE_HEIGHT / 2, width: 1, height: 1 },
  { type: "source", position: Position.Right, x: NODE_WIDTH, y: NODE_HEIGHT / 2, width: 1, height: 1 },
];

const edgeTypes = { item: ItemEdge };

function Flow({ view, selected, centre, onSelect, onPainted }: RendererProps) {
  const flow = useReactFlow();
  const painted = useRef<unknown>(null);
  const frame = useRef<HTMLDivElement>(null);
  const showCycle = view.highlight.includes("cycles");
  const showCritical = view.highlight.includes("critical");
  const nodes = useMemo<Node[]>(
    () => [
      ...view.columns.map((c, i) => ({ id: `\u0000column:${i}`, type: "heading", position: { x: c.x, y: c.y - COLUMN_HEADING_OFFSET }, data: { label: c.label }, draggable: false, selectable: false })),
      ...view.items.map((item) => ({ id: item.id, type: "item", position: { x: item.x, y: item.y }, data: { item, selected: item.id === selected, showCycle, showCritical }, draggable: false, selectable: false, width: NODE_WIDTH, height: NODE_HEIGHT, handles: itemHandles() })),
    ],
    [view, selected, showCycle, showCritical],
  );
  const edges = useMemo<Edge<EdgeData>[]>(() => {
    const at = new Map(view.items.map((i) => [i.id, i]));
    return view.edges.map((edge) => {
      const look = edgeLook(edge, view.highlight);
      const a = at.get(edge.source)!;
      const b = at.get(edge.target)!;
      return {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        type: "item",
        markerEnd: { type: "arrowclosed" as const, color: look.colour },
        data: { edge, d: edgePath(a, b).d, stroke: look.colour, width: look.width, dash: look.dash, label: look.label, labelX: (a.x + b.x + NODE_WIDTH) / 2, labelY: (a.y + b.y + NODE_HEIGHT) / 2 },
      };
    });
  }, [view]);

  // A new view fits the screen, or centres on the item asked for when it is in the view.
  useEffect(() => {
    const target = centre ? view.items.find((i) => i.id === centre.id) : undefined;
    const fresh = painted.current !== view;
    painted.current = view;
    if (target) {
      void flow.setCenter(target.x + NODE_WIDTH / 2, target.y + NODE_HEIGHT / 2, { zoom: Math.max(flow.getZoom(), 1), duration: fresh ? 0 : 200 });
      if (fresh) afterPaint(onPainted);
    } else if (fresh) {
      // Fitted from the layout's own positions and the frame's size, at once: fitView waits
      // until React Flow has measured every node, which cost the first drawing a few frames.
      const size = { width: frame.current!.clientWidth, height: frame.current!.clientHeight };
      const bounds = viewBounds(view);
      void flow.setViewport(openingCamera(getViewportForBounds(bounds, size.width, size.height, MIN_ZOOM, MAX_ZOOM, 0.1), bounds, size));
      afterPaint(onPainted);
    }
  }, [flow, view, centre, onPainted]);

  return (
    <div ref={frame} className="h-full w-full">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        onNodeClick={(_, node) => (node.type === "item" ? onSelect(node.id) : undefined)}
        onPaneClick={() => onSelect(null)}
        proOptions={{ hideAttribution: true }}
        disableKeyboardA11y
      />
    </div>
  );
}

/** React Flow for views of up to a few hundred items: rich nodes, crisp text. */
export default function FlowRenderer(props: RendererProps) {
  return (
    <ReactFlowProvider>
      <Flow {...props} />
    </ReactFlowProvider>
  );
}
