package detect

import (
	"fmt"
	"reflect"
	"testing"
)

func TestParseGemfile(t *testing.T) {
	data := `source "https://rubygems.org"
ruby ">= 3.1", "< 3.4"

gem "rails", "~> 7.2" # web
gem 'pg'
gem "rubocop", require: false, group: :development
gem "capybara", groups: [:test]

group :development, :test do
  platforms :mri do
    gem "debug"
  end
  gem "sqlite3"
end

group :production, :development do
  gem "redis"
end

if ENV["WITH_SIDEKIQ"]
  gem "sidekiq"
end
# gem "commented"
gem "string#hash"
`
	g := parseGemfile([]byte(data))
	var got []string
	for _, gem := range g.Gems {
		got = append(got, fmt.Sprintf("%s:%d:%v", gem.Name, gem.Line, gem.Dev))
	}
	want := []string{"rails:4:false", "pg:5:false", "rubocop:6:true", "capybara:7:true", "debug:11:true",
		"sqlite3:13:true", "redis:17:false", "sidekiq:21:false"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseGemfile gems: got %v, want %v", got, want)
	}
	if g.Ruby != ">= 3.1,< 3.4" || g.RubyLine != 2 {
		t.Errorf("parseGemfile ruby: got %q line %d, want %q line 2", g.Ruby, g.RubyLine, ">= 3.1,< 3.4")
	}
	if g := parseGemfile([]byte("ruby file: \".ruby-version\"\n")); g.RubyFile != ".ruby-version" {
		t.Errorf("parseGemfile ruby file: got %q, want .ruby-version", g.RubyFile)
	}
}

func TestParseGemfileLock(t *testing.T) {
	data := "GEM\n  specs:\n    pg (1.5.8)\n\nDEPENDENCIES\n  pg (~> 1.5)\n  rails!\n    nested (1)\n\nRUBY VERSION\n   ruby 3.3.1p55\n\nBUNDLED WITH\n   2.5.6\n"
	l := parseGemfileLock([]byte(data))
	if l.Ruby != "3.3.1" || l.RubyLine != 11 || l.Bundler != "2.5.6" || l.BundlerLine != 14 {
		t.Errorf("parseGemfileLock: got ruby %q@%d bundler %q@%d, want 3.3.1@11 2.5.6@14", l.Ruby, l.RubyLine, l.Bundler, l.BundlerLine)
	}
	if fmt.Sprint(l.Deps) != "[{pg 6 false} {rails 7 false}]" {
		t.Errorf("parseGemfileLock deps: got %v, want [{pg 6 false} {rails 7 false}]", l.Deps)
	}
}

func TestRubyDetect(t *testing.T) {
	tests := []struct {
		name                            string
		files                           map[string]string
		framework, start, kind, version string
		build                           string
		port                            int
	}{
		{
			name:  "standalone sidekiq worker",
			files: map[string]string{"Gemfile": "gem 'sidekiq'\n", "Gemfile.lock": "RUBY VERSION\n   ruby 3.4.1p0\n"},
			start: "bundle exec sidekiq", kind: "worker", version: "3.4.1",
		},
		{
			name:      "classic sinatra without config.ru or puma",
			files:     map[string]string{"Gemfile": "gem 'sinatra'\n", "app.rb": "require 'sinatra'\nget('/') { 'hi' }\n", ".tool-versions": "ruby 3.3.6\n"},
			framework: "sinatra", start: "bundle exec ruby app.rb -o 0.0.0.0 -p 4567", kind: "web", version: "3.3.6", port: 4567,
		},
		{
			name:      "rails detected from config/application.rb, sprockets",
			files:     map[string]string{"Gemfile": "ruby '3.3.0'\ngem 'railties'\ngem 'sprockets-rails'\n", "config/application.rb": "module Shop\nend\n"},
			framework: "rails", start: "bundle exec rails server -b 0.0.0.0 -p 3000", kind: "web", version: "3.3.0",
			build: "bundle exec rails assets:precompile", port: 3000,
		},
		{
			name:      "plain rack app",
			files:     map[string]string{"Gemfile": "gem 'rack'\n", "config.ru": "run ->(env) { [200, {}, ['ok']] }\n"},
			framework: "rack", start: "bundle exec rackup --host 0.0.0.0 -p 9292", kind: "web", version: "3.4", port: 9292,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyzeOnly(t, rubyDetector{}, tt.files)
			s := a.Services[0]
			got := []any{s.Framework, s.StartCommand, s.Kind, s.LanguageVersion, s.BuildCommand, s.Port}
			want := []any{tt.framework, tt.start, tt.kind, tt.version, tt.build, tt.port}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("framework, start, kind, version, build, port: got %v, want %v", got, want)
			}
		})
	}
}
