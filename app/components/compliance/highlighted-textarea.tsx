import { Textarea, type TextareaProps } from "@mantine/core";
import { useIsomorphicEffect } from "@mantine/hooks";
import {
  forwardRef,
  memo,
  useCallback,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
  type UIEvent,
} from "react";
import { markIndexFor, marksFor, type HighlightRange, type Mark } from "./finding-offsets";

export interface HighlightedTextareaHandle {
  /** Focuses the field, selects `start`–`end` and scrolls it (and the page) to show it. */
  select(start: number, end: number): void;
}

export interface HighlightedTextareaProps extends Omit<TextareaProps, "value" | "defaultValue"> {
  value: string;
  highlights: readonly HighlightRange[];
  /** A one-line field (a caption): Enter does not start a new line. */
  singleLine?: boolean;
}

/** The computed styles that decide where each character of the textarea lands. */
const MIRRORED = [
  "boxSizing",
  "fontFamily",
  "fontSize",
  "fontWeight",
  "fontStyle",
  "fontVariant",
  "fontStretch",
  "fontKerning",
  "fontFeatureSettings",
  "fontVariationSettings",
  "letterSpacing",
  "wordSpacing",
  "lineHeight",
  "textTransform",
  "textIndent",
  "textAlign",
  "textRendering",
  "tabSize",
  "whiteSpace",
  "wordBreak",
  "overflowWrap",
  "lineBreak",
  "hyphens",
  "direction",
  "writingMode",
  "paddingTop",
  "paddingRight",
  "paddingBottom",
  "paddingLeft",
] as const;

interface Layout {
  /** The layer's box: the textarea's, less any scrollbar. */
  box: CSSProperties;
  /** Font, wrapping and padding copied from the textarea. */
  text: CSSProperties;
  /** Disabled, by its prop or a disabled fieldset around it. */
  disabled: boolean;
}

const sameLayout = (a: Layout | null, b: Layout) => JSON.stringify(a) === JSON.stringify(b);

const MARK_COLORS = {
  block: { fill: "var(--mantine-color-red-light)", line: "var(--mantine-color-red-filled)" },
  review: { fill: "var(--mantine-color-orange-light)", line: "var(--mantine-color-orange-filled)" },
} as const;

/**
 * A Mantine textarea with findings marked in place: a layer behind the (transparent) textarea
 * holds the same text in the same font, padding and wrapping, invisible except for the marks, and
 * follows the textarea's scrolling. The textarea stays a plain controlled field, so typing,
 * selection and input-method composition are the browser's own.
 *
 * Callbacks reach the field through stable wrappers that call the latest ones, so a field whose
 * text, marks and other props are unchanged is not rendered again when its parent is (an editor
 * of many fields re-renders them all on each keystroke; an autosized textarea measures itself on
 * every render).
 */
export const HighlightedTextarea = forwardRef<HighlightedTextareaHandle, HighlightedTextareaProps>(
  function HighlightedTextarea(props, ref) {
    const latest = useRef(props);
    latest.current = props;
    const wrappers = useRef(new Map<string, (...args: unknown[]) => unknown>());
    const stable: Record<string, unknown> = {};
    for (const [key, prop] of Object.entries(props)) {
      if (typeof prop !== "function") {
        stable[key] = prop;
        continue;
      }
      let wrapper = wrappers.current.get(key);
      if (!wrapper) {
        wrapper = (...args) =>
          (latest.current as unknown as Record<string, (...a: unknown[]) => unknown>)[key]?.(...args);
        wrappers.current.set(key, wrapper);
      }
      stable[key] = wrapper;
    }
    const inner = useRef<HighlightedTextareaHandle>(null);
    useImperativeHandle(ref, () => ({ select: (start, end) => inner.current?.select(start, end) }), []);
    return <MarkedTextarea ref={inner} {...(stable as unknown as HighlightedTextareaProps)} />;
  },
);

/** Equal when only callbacks' identities differ (they are wrapped) or marks are equal by value. */
function sameFieldProps(a: HighlightedTextareaProps, b: HighlightedTextareaProps): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
    if (x[key] === y[key]) continue;
    if (key === "highlights" && sameRanges(a.highlights, b.highlights)) continue;
    if ((key === "style" || key === "styles") && shallowEqual(x[key], y[key])) continue;
    return false;
  }
  return true;
}

function sameRanges(a: readonly HighlightRange[], b: readonly HighlightRange[]): boolean {
  return (
    a.length === b.length &&
    a.every((r, i) => r.start === b[i].start && r.end === b[i].end && r.severity === b[i].severity)
  );
}

function shallowEqual(a: unknown, b: unknown): boolean {
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return a === b;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((key) => x[key] === y[key]);
}

const MarkedTextarea = memo(
  forwardRef<HighlightedTextareaHandle, HighlightedTextareaProps>(function MarkedTextarea(
    { value, highlights, singleLine, onScroll, onKeyDown, styles, disabled, ...props },
    ref,
  ) {
    const textareaRef = useRef<HTMLTextAreaElement>(null);
    const containerRef = useRef<HTMLDivElement>(null);
    const layerRef = useRef<HTMLDivElement>(null);
    const textRef = useRef<HTMLDivElement>(null);
    const [layout, setLayout] = useState<Layout | null>(null);
    const marks = useMemo(() => marksFor(highlights, value.length), [highlights, value.length]);
    const marked = useMemo(() => renderMarked(value, marks), [value, marks]);

    const syncScroll = useCallback(() => {
      const textarea = textareaRef.current;
      const text = textRef.current;
      if (!textarea || !text) return;
      text.style.transform = `translate(${-textarea.scrollLeft}px, ${-textarea.scrollTop}px)`;
    }, []);

    const measure = useCallback(() => {
      const textarea = textareaRef.current;
      const container = containerRef.current;
      if (!textarea || !container) return;
      const css = getComputedStyle(textarea);
      const outer = container.getBoundingClientRect();
      const inner = textarea.getBoundingClientRect();
      const borders = {
        top: parseFloat(css.borderTopWidth) || 0,
        right: parseFloat(css.borderRightWidth) || 0,
        bottom: parseFloat(css.borderBottomWidth) || 0,
        left: parseFloat(css.borderLeftWidth) || 0,
      };
      const text: Record<string, string> = {};
      for (const property of MIRRORED) text[property] = css[property];
      const next: Layout = {
        box: {
          top: inner.top - outer.top + borders.top,
          left: inner.left - outer.left + borders.left,
          width: textarea.clientWidth,
          height: textarea.clientHeight,
        },
        text: text as CSSProperties,
        disabled: textarea.matches(":disabled"),
      };
      setLayout((previous) => (sameLayout(previous, next) ? previous : next));
    }, []);

    // Size and fonts settle after the first paint (autosize, web fonts, a drawer sliding in).
    useIsomorphicEffect(() => {
      const textarea = textareaRef.current;
      if (!textarea) return;
      measure();
      const observer = new ResizeObserver(() => {
        measure();
        syncScroll();
      });
      observer.observe(textarea);
      void document.fonts?.ready.then(measure);
      return () => observer.disconnect();
    }, [measure, syncScroll]);

    // A keystroke can add a scrollbar or scroll the field without a resize or scroll event.
    useIsomorphicEffect(() => {
      measure();
      syncScroll();
    }, [value, measure, syncScroll]);

    useImperativeHandle(
      ref,
      () => ({
        select(start, end) {
          const textarea = textareaRef.current;
          if (!textarea) return;
          textarea.focus({ preventScroll: true });
          textarea.setSelectionRange(start, end);
          const index = markIndexFor(marks, { start });
          const mark = textRef.current?.querySelector<HTMLElement>(`[data-mark-index="${index}"]`);
          if (!mark) {
            textarea.scrollIntoView({ block: "nearest" });
            return;
          }
          const top = mark.offsetTop;
          if (
            top < textarea.scrollTop ||
            top + mark.offsetHeight > textarea.scrollTop + textarea.clientHeight
          ) {
            textarea.scrollTop = Math.max(0, top - textarea.clientHeight / 3);
          }
          syncScroll();
          mark.scrollIntoView({ block: "nearest" });
          // scrollIntoView also scrolls the clipped layer itself: it must stay put.
          if (layerRef.current) layerRef.current.scrollTop = layerRef.current.scrollLeft = 0;
        },
      }),
      [marks, syncScroll],
    );

    const handleScroll = (event: UIEvent<HTMLTextAreaElement>) => {
      syncScroll();
      onScroll?.(event);
    };
    const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
      // Enter while composing picks the input method's candidate: leave it alone.
      if (singleLine && event.key === "Enter" && !event.nativeEvent.isComposing) event.preventDefault();
      onKeyDown?.(event);
    };

    const layer = layout ? (
      <div
        ref={layerRef}
        aria-hidden
        data-testid="highlight-layer"
        style={{ position: "absolute", ...layout.box, overflow: "hidden", pointerEvents: "none", zIndex: 1 }}
      >
        <div
          ref={textRef}
          style={{
            ...layout.text,
            position: "relative",
            margin: 0,
            border: 0,
            minHeight: "100%",
            color: "transparent",
            willChange: "transform",
          }}
        >
          {marked}
        </div>
      </div>
    ) : null;

    return (
      <Textarea
        {...props}
        ref={textareaRef}
        value={value}
        disabled={disabled}
        onScroll={handleScroll}
        onKeyDown={handleKeyDown}
        // The field's background moves to its wrapper so the layer can sit between the two.
        styles={{
          ...(styles as object),
          wrapper: {
            backgroundColor: disabled || layout?.disabled ? "var(--input-disabled-bg)" : "var(--input-bg)",
            borderRadius: "var(--input-radius)",
          },
          input: { backgroundColor: "transparent", position: "relative", zIndex: 2 },
        }}
        inputContainer={(children) => (
          <div ref={containerRef} style={{ position: "relative", isolation: "isolate" }}>
            {layer}
            {children}
          </div>
        )}
      />
    );
  }),
  sameFieldProps,
);

/**
 * The text with its marks, one block per line of the field: a keystroke then lays out its own
 * line again rather than the whole text. A mark over a line break is drawn in pieces; an empty
 * line (or a trailing line break) holds a space so it keeps its height.
 */
function renderMarked(text: string, marks: readonly Mark[]): ReactNode[] {
  const lines: ReactNode[] = [];
  let first = 0;
  let lineStart = 0;
  for (let line = 0; ; line++) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    while (first < marks.length && marks[first].end <= lineStart) first++;
    const parts: ReactNode[] = [];
    let at = lineStart;
    for (let index = first; index < marks.length && marks[index].start < lineEnd; index++) {
      const mark = marks[index];
      const start = Math.max(mark.start, lineStart);
      const end = Math.min(mark.end, lineEnd);
      if (end <= start) continue;
      if (start > at) parts.push(text.slice(at, start));
      parts.push(<MarkPiece key={index} index={index} mark={mark} text={text.slice(start, end)} />);
      at = end;
    }
    if (lineEnd > at) parts.push(text.slice(at, lineEnd));
    lines.push(<div key={line}>{parts.length > 0 ? parts : " "}</div>);
    if (newline === -1) return lines;
    lineStart = newline + 1;
  }
}

function MarkPiece({ index, mark, text }: { index: number; mark: Mark; text: string }) {
  const colors = MARK_COLORS[mark.severity];
  return (
    <mark
      data-testid="compliance-mark"
      data-mark-index={index}
      data-severity={mark.severity}
      data-start={mark.start}
      data-end={mark.end}
      style={{
        color: "transparent",
        backgroundColor: colors.fill,
        boxShadow: `inset 0 -2px 0 ${colors.line}`,
        borderRadius: 2,
        padding: 0,
        margin: 0,
      }}
    >
      {text}
    </mark>
  );
}
