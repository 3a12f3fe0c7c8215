"use client";

import { useEffect, useState, type ComponentType } from "react";
import type { RendererProps } from "./renderer";

type RendererKind = "flow" | "sigma";

// Each renderer loads only when the explorer asks for it (the view's, or before the first view
// the likely one); neither can render on the server (DOM, WebGL), and these imports only ever
// run in effects.
const loaders: Record<RendererKind, () => Promise<{ default: ComponentType<RendererProps> }>> = {
  flow: () => import("./flow-renderer"),
  sigma: () => import("./sigma-renderer"),
};
const loaded: Partial<Record<RendererKind, ComponentType<RendererProps>>> = {};
const loading: Partial<Record<RendererKind, Promise<ComponentType<RendererProps>>>> = {};

/** Loads a renderer's code once. */
function loadRenderer(kind: RendererKind): Promise<ComponentType<RendererProps>> {
  return (loading[kind] ??= loaders[kind]().then((m) => (loaded[kind] = m.default)));
}

/**
 * The renderer component for `kind` once its code is here, null until then. Held as state
 * rather than through next/dynamic (React.lazy under Suspense): a lazy component suspends on
 * its first render even when its chunk has arrived, and React holds back the reveal of a
 * boundary that just showed its fallback for up to 300 ms, which was most of the gap between
 * the worker's view and the first drawing (ADR 32).
 */
export function useRenderer(kind: RendererKind): ComponentType<RendererProps> | null {
  const [, setArrived] = useState(0);
  const component = loaded[kind] ?? null;
  useEffect(() => {
    if (component) return;
    let live = true;
    void loadRenderer(kind).then(() => live && setArrived((n) => n + 1));
    return () => {
      live = false;
    };
  }, [kind, component]);
  return component;
}
