// Stylesheets are bundled by webpack's css-loader; TypeScript only needs to know they exist.
declare module '*.css';
