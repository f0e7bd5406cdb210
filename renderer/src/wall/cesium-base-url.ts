// Imported before '@cesium/engine' so the global is in place before Cesium resolves its first worker or asset.
// The build constant is relative ('./cesium/'): routes are one segment deep (/wall), so it resolves to
// /cesium/ over HTTP and to out/renderer/cesium/ from a file:// index.html.
window.CESIUM_BASE_URL = CESIUM_BASE_URL;
