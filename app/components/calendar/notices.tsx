import { Notification, Portal, Stack } from "@mantine/core";
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";

export interface Notice {
  id: number;
  color: "green" | "red" | "orange" | "blue";
  title?: string;
  message: string;
}

type Notify = (notice: Omit<Notice, "id">) => void;

const NoticeContext = createContext<Notify>(() => undefined);

/**
 * Short messages in a corner of the page (a refused drop, a saved caption): the calendar has no
 * form field to put a drag-and-drop answer on. Each stays 6 s, or until closed.
 */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const next = useRef(1);
  const close = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const notify = useCallback<Notify>(
    (notice) => {
      const id = next.current++;
      setNotices((list) => [...list.slice(-3), { ...notice, id }]);
      window.setTimeout(() => close(id), 6000);
    },
    [close],
  );
  const value = useMemo(() => notify, [notify]);
  return (
    <NoticeContext.Provider value={value}>
      {children}
      <Portal>
        <Stack
          gap="xs"
          style={{
            position: "fixed",
            right: 16,
            bottom: 16,
            zIndex: 400,
            maxWidth: "min(420px, calc(100vw - 32px))",
          }}
          aria-live="polite"
        >
          {notices.map((notice) => (
            <Notification
              key={notice.id}
              color={notice.color}
              title={notice.title}
              onClose={() => close(notice.id)}
              withBorder
              data-testid="calendar-notice"
              data-color={notice.color}
            >
              {notice.message}
            </Notification>
          ))}
        </Stack>
      </Portal>
    </NoticeContext.Provider>
  );
}

export function useNotify(): Notify {
  return useContext(NoticeContext);
}
