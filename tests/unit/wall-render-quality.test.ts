// The map's multisampling by renderer (renderer/src/wall/render-quality.ts): renderer strings as Chromium
// and Electron report them.
import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer, msaaSamplesFor } from '../../renderer/src/wall/render-quality.ts';

describe('render quality', () => {
  it.each([
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
    'ANGLE (Mesa, llvmpipe (LLVM 15.0.6, 256 bits), OpenGL 4.5)',
    'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
  ])('a software renderer draws single-sampled: %s', (name) => {
    expect(isSoftwareRenderer(name)).toBe(true);
    expect(msaaSamplesFor(name)).toBe(1);
  });

  it.each([
    'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'ANGLE (Intel, Mesa Intel(R) UHD Graphics 630 (CFL GT2), OpenGL 4.6)',
    'ANGLE (AMD, AMD Radeon RX 6600 Direct3D11 vs_5_0 ps_5_0, D3D11)',
    '',
  ])('a graphics card (or an unnamed renderer) keeps 4× multisampling: %s', (name) => {
    expect(isSoftwareRenderer(name)).toBe(false);
    expect(msaaSamplesFor(name)).toBe(4);
  });
});
