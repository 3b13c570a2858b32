/** The location hash of a screen named in the self-check (the sidebar's links are "#name"). */
export const screenHashOf = (screen: string) => `#${screen.toLowerCase()}`;
