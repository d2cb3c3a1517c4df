/**
 * What Element Plus asks of its colour library (`@ctrl/tinycolor`, which vite.config.ts points here): the
 * button's own colour (`color`) and the menu's background shade — mix, tint, shade and "is it dark" on hex and
 * rgb() colours, as the library computes them. The library (18 KB) would otherwise travel with the sign-in
 * page. Element Plus's colour picker needs the library itself; the app does not use it.
 */
interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

function parse(input: string): Rgba | null {
  const color = input.trim().toLowerCase();
  const hex = /^#?([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(color)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    const byte = (i: number) => parseInt(full.slice(i * 2, i * 2 + 2), 16);
    return { r: byte(0), g: byte(1), b: byte(2), a: full.length === 8 ? byte(3) / 255 : 1 };
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+))?\s*\)$/.exec(color);
  if (rgb) return { r: Number(rgb[1]), g: Number(rgb[2]), b: Number(rgb[3]), a: rgb[4] === undefined ? 1 : Number(rgb[4]) };
  return null;
}

export class TinyColor {
  private readonly rgba: Rgba;
  readonly isValid: boolean;

  constructor(color: string | TinyColor | Rgba = '') {
    const rgba = typeof color === 'string' ? parse(color) : color instanceof TinyColor ? color.rgba : color;
    this.isValid = rgba !== null;
    this.rgba = rgba ?? { r: 0, g: 0, b: 0, a: 1 };
  }

  /** `amount` per cent of the way to `color`. */
  mix(color: string | TinyColor, amount = 50): TinyColor {
    const from = this.rgba;
    const to = new TinyColor(color).rgba;
    const p = amount / 100;
    const at = (a: number, b: number) => (b - a) * p + a;
    return new TinyColor({ r: at(from.r, to.r), g: at(from.g, to.g), b: at(from.b, to.b), a: at(from.a, to.a) });
  }

  tint(amount = 10): TinyColor {
    return this.mix('#ffffff', amount);
  }

  shade(amount = 10): TinyColor {
    return this.mix('#000000', amount);
  }

  isDark(): boolean {
    const { r, g, b } = this.rgba;
    return (r * 299 + g * 587 + b * 114) / 1000 < 128;
  }

  toString(): string {
    const { r, g, b, a } = this.rgba;
    const rgb = [r, g, b].map(Math.round).join(', ');
    return a === 1 ? `rgb(${rgb})` : `rgba(${rgb}, ${Math.round(a * 100) / 100})`;
  }
}
