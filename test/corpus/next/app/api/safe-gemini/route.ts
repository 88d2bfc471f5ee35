import { GoogleGenAI } from '@google/genai';
import { NextResponse } from 'next/server';
import { verifyIdToken } from '@/lib/firebase-admin';

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

export async function POST(req: Request) {
  const idToken = req.headers.get('authorization')?.split(' ')[1];
  if (!idToken) return NextResponse.json({ error: 'missing token' }, { status: 401 });
  try {
    await verifyIdToken(idToken);
  } catch {
    return NextResponse.json({ error: 'invalid token' }, { status: 401 });
  }
  const { recipe } = await req.json();
  const response = await ai.models.generateContent({
    model: 'gemini-2.5-flash',
    contents: `Suggest a wine for: ${recipe}`,
    config: { maxOutputTokens: 120 },
  });
  return NextResponse.json({ suggestion: response.text });
}
