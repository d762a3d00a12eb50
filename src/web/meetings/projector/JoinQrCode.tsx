import { useEffect, useState } from 'react';

interface Drawn {
  url: string;
  size: number;
  path: string;
}

/**
 * The QR code as an inline SVG drawn from the qrcode package's module matrix: sharp at any projector size,
 * no image request, and one accessible name (the modules themselves are not read out).
 *
 * The package loads when a code is first shown (DAY-PERF-1): only a lobby and the projector show one, so the
 * meeting device page does not carry it. Until then the same square, blank, holds the place (no layout shift:
 * every QR code is square, and the CSS sizes `.qr` by its width).
 */
export function JoinQrCode({ url, label }: { url: string; label: string }) {
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  useEffect(() => {
    let current = true;
    import('qrcode')
      .then(({ create }) => {
        if (!current) return;
        const modules = create(url, { errorCorrectionLevel: 'M' }).modules;
        let d = '';
        for (let row = 0; row < modules.size; row++) {
          for (let col = 0; col < modules.size; col++) {
            if (modules.get(row, col)) d += `M${col} ${row}h1v1h-1z`;
          }
        }
        setDrawn({ url, size: modules.size, path: d });
      })
      // Offline after the page loaded: the code and the address beside it still say how to join.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [url]);
  const shown = drawn?.url === url ? drawn : null;
  const size = shown?.size ?? 1;
  // The quiet zone (4 modules of white around the code) is part of the QR standard; scanners need it.
  const quiet = shown ? 4 : 0;
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      viewBox={`${-quiet} ${-quiet} ${size + 2 * quiet} ${size + 2 * quiet}`}
      shapeRendering="crispEdges"
    >
      <rect x={-quiet} y={-quiet} width={size + 2 * quiet} height={size + 2 * quiet} fill="#ffffff" />
      {shown ? <path d={shown.path} fill="#000000" /> : null}
    </svg>
  );
}
