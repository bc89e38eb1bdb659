export { FONT_8X8 } from './font.js';
export {
  ELLIPSE_MASK_ALL,
  FrameBuffer,
  FrameBufferError,
  GS2_HMSB,
  GS4_HMSB,
  GS8,
  MONO_HLSB,
  MONO_HMSB,
  MONO_VLSB,
  RGB565,
} from './framebuf.js';
