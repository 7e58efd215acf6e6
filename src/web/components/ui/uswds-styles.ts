/**
 * The U.S. Web Design System's compiled styles (fonts and icons are bundled by Vite and served
 * from our own origin, as the CSP requires), then react-uswds' few additions. Imported once, by
 * main.tsx; everything else reaches USWDS through the components in this folder.
 */
import '@uswds/uswds/css/uswds.min.css';
import '@trussworks/react-uswds/lib/index.css';
