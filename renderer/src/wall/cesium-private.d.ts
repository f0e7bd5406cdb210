// Parts of Cesium the wall reaches (off-centre-pixel-size.ts and its test) that its type declarations leave out.
declare module '@cesium/engine/Source/Renderer/ShaderSource.js' {
  /** Cesium's GLSL builtins and automatic uniforms by name, read whenever a shader is built. */
  const ShaderSource: { _czmBuiltinsAndUniforms: Record<string, string | undefined> };
  export default ShaderSource;
}

declare module '@cesium/engine/Source/Shaders/Builtin/Functions/metersPerPixel.js' {
  /** The GLSL source of czm_metersPerPixel as Cesium ships it. */
  const source: string;
  export default source;
}
