import { Image, Stack, Text } from "@mantine/core";
import QRCode from "qrcode";
import { useEffect, useState } from "react";

export interface CtaQrCodeProps {
  url: string;
  caption: string;
  size?: number;
}

/** The mini-program link as a QR code, drawn in the browser so no image endpoint is needed. */
export function CtaQrCode({ url, caption, size = 180 }: CtaQrCodeProps) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    QRCode.toDataURL(url, { margin: 1, width: size * 2 })
      .then((data) => {
        if (!cancelled) setSrc(data);
      })
      .catch(() => setSrc(null));
    return () => {
      cancelled = true;
    };
  }, [url, size]);
  if (!url || !src) return null;
  return (
    <Stack gap={4} align="center" bg="white" p="xs" style={{ borderRadius: 8 }}>
      <Image src={src} alt={caption} w={size} h={size} />
      <Text size="sm" c="dark">
        {caption}
      </Text>
    </Stack>
  );
}
