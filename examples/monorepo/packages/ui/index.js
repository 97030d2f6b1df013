export const Button = (p) => p.children;
