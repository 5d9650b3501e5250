// Values global-setup.ts provides to the workerd side (declared here too, for the workerd tsconfig).
declare module "vitest" {
  export interface ProvidedContext {
    emulatorUrl: string;
    probeUrl: string;
  }
}

export {};
