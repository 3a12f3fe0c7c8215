"use client";

import Graph from "graphology";
import Sigma from "sigma";
import { useEffect, useRef } from "react";
import { NODE_HEIGHT, NODE_WIDTH } from "@/lib/graph/layout";
import { edgeLook } from "@/lib/graph/palette";
import type { View } from "@/lib/graph/view";
import { afterPaint, type RendererProps } from "./renderer";

type NodeAttributes = { x: number; y: number; size: number; color: string; label: string; zIndex: number };
type EdgeAttributes = { size: number; color: string; zIndex: number };

/**
 * The view as a graphology graph. Sigma's y axis points up, the layout's down, hence -y.
 * WebGL draws no dash patterns, so edge kinds differ by colour here (the legend says which).
 */
function toGraph(view: View): Graph<NodeAttributes, EdgeAttributes> {
  const graph = new Graph<NodeAttributes, EdgeAttributes>({ multi: false, type: "directed", allowSelfLoops: true });
  const showCycle = view.highlight.includes("cycles");
  const showCritical = view.highlight.includes("critical");
  for (const item of view.items) {
    const marks = `${showCycle && item.isCycle ? "↻" : ""}${showCritical && item.isCritical ? "★" : ""}`;
    graph.addNode(item.id, {
      x: item.x + NODE_WIDTH / 2,
      y: -(item.y + NODE_HEIGHT / 2),
      size: item.type === "group" ? Math.min(30, 8 + 3 * Math.log2(item.count)) : 4,
      color: item.colour,
      label: `${marks}${item.badge} ${item.label}`,
      zIndex: item.isCritical || item.isCycle ? 1 : 0,
    });
  }
  const dense = view.edges.length > 1000;
  for (const edge of view.edges) {
    const look = edgeLook(edge, view.highlight);
    // Thousands of edges drawn opaque hide each other and the nodes: translucent, so density reads.
    graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, { size: look.width / 2, color: dense ? `${look.colour}66` : look.colour, zIndex: look.blocked ? 1 : 0 });
  }
  return graph;
}

/** Sigma over graphology for large views: thousands of nodes at interactive frame rates. */
export default function SigmaRenderer({ view, selected, centre, onSelect, onPainted }: RendererProps) {
  const container = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<Sigma<NodeAttributes, EdgeAttributes> | null>(null);
  const state = useRef<{ selected: string | null; hovered: string | null }>({ selected, hovered: null });
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    const graph = toGraph(view);
    const sigma = new Sigma(graph, container.current!, {
      defaultEdgeType: "arrow",
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 6,
      labelDensity: 0.5,
      zIndex: true,
      minCameraRatio: 0.01,
      maxCameraRatio: 4,
      nodeReducer: (node, data) => {
        const { selected: sel, hovered } = state.current;
        const focusOn = hovered ?? sel;
        if (!focusOn) return data;
        if (node === sel) return { ...data, highlighted: true, size: data.size * 1.8, zIndex: 2 };
        if (node === focusOn || graph.areNeighbors(node, focusOn)) return { ...data, forceLabel: true, zIndex: 2 };
        return { ...data, color: "#d1d5db", label: "" };
      },
      edgeReducer: (edge, data) => {
        const focusOn = state.current.hovered ?? state.current.selected;
        if (!focusOn || graph.hasExtremity(edge, focusOn)) return data;
        return { ...data, color: "#e5e7eb" };
      },
    });
    sigmaRef.current = sigma;
    sigma.on("clickNode", ({ node }) => onSelectRef.current(node));
    sigma.on("clickStage", () => onSelectRef.current(null));
    sigma.on("enterNode", ({ node }) => {
      state.current.hovered = node;
      sigma.refresh({ skipIndexation: true });
    });
    sigma.on("leaveNode", () => {
      state.current.hovered = null;
      sigma.refresh({ skipIndexation: true });
    });
    sigma.once("afterRender", () => afterPaint(onPainted));
    return () => {
      sigma.kill();
      sigmaRef.current = null;
    };
  }, [view, onPainted]);

  useEffect(() => {
    state.current.selected = selected;
    sigmaRef.current?.refresh({ skipIndexation: true });
  }, [selected]);

  useEffect(() => {
    const sigma = sigmaRef.current;
    if (!centre || !sigma) return;
    const at = sigma.getNodeDisplayData(centre.id);
    if (at) void sigma.getCamera().animate({ x: at.x, y: at.y, ratio: Math.min(sigma.getCamera().ratio, 0.15) }, { duration: 250 });
  }, [centre, view]);

  return <div ref={container} data-testid="sigma-container" className="h-full w-full" />;
}
