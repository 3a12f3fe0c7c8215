"use client";

import NextLink from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * Ferry's link (the only importer of next/link; eslint.config.mjs): Next's Link, prefetching
 * its page once the person shows intent (pointer over it, keyboard focus on it, a touch), as
 * Next's prefetching guide describes ("hover-triggered prefetch"), instead of as soon as it is
 * on screen. Every Ferry page is rendered per request, and its links are many
 * (the navigation twice, sidebar and phone menu; a table's rows, each naming a service, its
 * team, slice and wave): prefetched on sight, one view of the services list made the one
 * server render 44 other pages while the list itself was loading.
 */
export function Link({ onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof NextLink>) {
  const [intent, setIntent] = useState(false);
  return (
    <NextLink
      {...props}
      prefetch={intent ? null : false}
      onMouseEnter={(e) => {
        setIntent(true);
        onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        setIntent(true);
        onFocus?.(e);
      }}
      onTouchStart={(e) => {
        setIntent(true);
        onTouchStart?.(e);
      }}
    />
  );
}
