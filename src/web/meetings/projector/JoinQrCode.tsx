import { create } from 'qrcode';
import { useMemo } from 'react';

/**
 * The QR code as an inline SVG drawn from the qrcode package's module matrix: sharp at any projector size,
 * no image request, and one accessible name (the modules themselves are not read out).
 */
export function JoinQrCode({ url, label }: { url: string; label: string }) {
  const { size, path } = useMemo(() => {
    const modules = create(url, { errorCorrectionLevel: 'M' }).modules;
    let d = '';
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col)) d += `M${col} ${row}h1v1h-1z`;
      }
    }
    return { size: modules.size, path: d };
  }, [url]);
  // The quiet zone (4 modules of white around the code) is part of the QR standard; scanners need it.
  const quiet = 4;
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      viewBox={`${-quiet} ${-quiet} ${size + 2 * quiet} ${size + 2 * quiet}`}
      shapeRendering="crispEdges"
    >
      <rect x={-quiet} y={-quiet} width={size + 2 * quiet} height={size + 2 * quiet} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
